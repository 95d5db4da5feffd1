package io.eventrouter.routing;

import io.eventrouter.session.ClientSession;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Connected sessions, with admission against {@code max_clients}. */
final class SessionRegistry {
    private final ConcurrentHashMap<String, ClientSession> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger admitted = new AtomicInteger();
    private volatile int maxClients;

    SessionRegistry(int maxClients) {
        this.maxClients = maxClients;
    }

    /**
     * Changes the limit for connections admitted from now on. Lowering it below the number
     * connected disconnects nobody; new connections are refused until enough have left.
     */
    void setMaxClients(int value) {
        maxClients = value;
    }

    /** Reserves a place for a new connection; false when {@code max_clients} are connected. */
    boolean reserve() {
        while (true) {
            int current = admitted.get();
            if (current >= maxClients) {
                return false;
            }
            if (admitted.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    void add(ClientSession session) {
        sessions.put(session.clientId(), session);
    }

    /** Removes a session and frees its place; false if it was already gone. */
    boolean remove(ClientSession session) {
        if (sessions.remove(session.clientId(), session)) {
            admitted.decrementAndGet();
            synchronized (this) {
                notifyAll();
            }
            return true;
        }
        return false;
    }

    /**
     * Waits until every session has gone (its close handshake finished), up to the deadline
     * ({@link System#nanoTime()}); true if none is left.
     */
    synchronized boolean awaitEmpty(long deadlineNanos) throws InterruptedException {
        while (!sessions.isEmpty()) {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            wait(Math.max(1, Math.min(100, remaining / 1_000_000)));
        }
        return true;
    }

    /** The connected session with this id, or null. */
    ClientSession get(String clientId) {
        return sessions.get(clientId);
    }

    int count() {
        return sessions.size();
    }

    int maxClients() {
        return maxClients;
    }

    List<ClientSession> snapshot() {
        return List.copyOf(sessions.values());
    }
}
