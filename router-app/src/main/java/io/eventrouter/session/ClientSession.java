package io.eventrouter.session;

import io.eventrouter.protocol.SubscriptionSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One connected client: its id and optional name, its subscriptions, and its outbound queue.
 * Thread-safe.
 *
 * <p>A router holds tens of thousands of these, most idle, so the state is kept in plain
 * fields: the connection time as a number, the closed flag only in the outbox, and the
 * subscriptions in an array, or on their own when there is just one, rather than a map.
 */
public final class ClientSession {
    private static final Subscription[] NO_SUBSCRIPTIONS = {};

    private final String clientId;
    private final long connectedAtMicros = epochMicros(Instant.now());
    private final Outbox outbox;
    /**
     * Null, the one subscription (as most connections have), or an exact-size array of several
     * in the order they were made; replaced, never changed in place. Guarded by {@code this}.
     */
    private Object subscriptions;
    /** Numbers the server's subscription ids (read as unsigned); guarded by {@code this}. */
    private int subscriptionCounter;
    private volatile String clientName;

    public ClientSession(Transport transport, String clientName, OutboxListener listener, int queueCapacity,
            int dropLimit) {
        this(transport, clientName, new OutboxPolicy(listener, queueCapacity, dropLimit, null));
    }

    /**
     * @param writer runs the writes of queued events, so whoever queues them (the dispatcher)
     *     never writes to the socket itself; null writes on the queuing thread
     */
    public ClientSession(Transport transport, String clientName, OutboxListener listener, int queueCapacity,
            int dropLimit, java.util.concurrent.Executor writer) {
        this(transport, clientName, new OutboxPolicy(listener, queueCapacity, dropLimit, writer));
    }

    /** A session whose outbox follows {@code policy}, which the router shares between connections. */
    public ClientSession(Transport transport, String clientName, OutboxPolicy policy) {
        Objects.requireNonNull(transport, "transport");
        this.clientId = Objects.requireNonNullElseGet(transport.connectionId(), () -> UUID.randomUUID().toString());
        this.clientName = clientName == null || clientName.isEmpty() ? null : clientName;
        this.outbox = new Outbox(this, transport, Objects.requireNonNull(policy, "policy"));
    }

    public String clientId() {
        return clientId;
    }

    public String clientName() {
        return clientName;
    }

    public void rename(String name) {
        this.clientName = name;
    }

    public Instant connectedAt() {
        return Instant.EPOCH.plus(connectedAtMicros, ChronoUnit.MICROS);
    }

    private static long epochMicros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }

    public String remoteAddress() {
        return outbox.transport().remoteAddress();
    }

    /** Whether a targeted event addressed to {@code target} is for this connection. */
    public boolean answersTo(String target) {
        return target.equals(clientId) || target.equals(clientName);
    }

    /** Queues a reply; replies are never dropped and go before waiting events. */
    public void reply(String frame) {
        outbox.offerControl(ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Queues an event frame without starting a write. The dispatcher uses this to queue a whole
     * batch before waking a writer once per connection. The frame itself is queued, and it
     * becomes the session's: once written, its array may be reused for another frame, so it
     * must be one nothing else holds, as {@link Subscription#frame} builds.
     *
     * @return true when this call claimed the connection's next write (none was in flight or
     *     scheduled): the caller must then call {@link #flushDeferred(boolean)}, once, however
     *     many more frames it queues here first. False when a write under way takes the frame.
     */
    public boolean deliverDeferred(ByteBuffer frame, int priority, long acceptedNanos) {
        return outbox.offerEvent(frame, priority, acceptedNanos, false);
    }

    /**
     * {@link #deliverDeferred(ByteBuffer, int, long)} by a caller that queues nothing more here
     * before it starts the claimed write, with {@link #flushTaken} (not {@link #flushDeferred}):
     * a write this claims also takes what it will write, in the same locked step, so starting it
     * takes no lock (one monitor enter and exit fewer per delivery, about 5% of routing an event
     * to four connections). A frame queued here anyway before that is written once the taken
     * group completes.
     */
    public boolean deliverDeferredLast(ByteBuffer frame, int priority, long acceptedNanos) {
        return outbox.offerEvent(frame, priority, acceptedNanos, true);
    }

    /**
     * Starts the write {@link #deliverDeferredLast} claimed, as {@link #flushDeferred} does;
     * once per such claim, and never otherwise: it sends the group that claim took.
     */
    public void flushTaken(boolean inline) {
        outbox.runTaken(inline);
    }

    /**
     * Starts the write {@link #deliverDeferred} claimed: on the calling thread with {@code
     * inline} (the write does not block; a socket that cannot take it all finishes later on
     * its own), else on a writer thread.
     */
    public void flushDeferred(boolean inline) {
        outbox.runClaimed(inline);
    }

    public int pendingEvents() {
        return outbox.pendingEvents();
    }

    /** Waits until everything queued has been written, or the deadline (System.nanoTime) passes. */
    public boolean awaitFlushed(long deadlineNanos) throws InterruptedException {
        return outbox.awaitIdle(deadlineNanos);
    }

    /**
     * Creates a subscription owned by this session. The id is the client's when given,
     * otherwise generated.
     *
     * @throws IllegalStateException when the client-chosen id is already in use here
     */
    public synchronized Subscription addSubscription(SubscriptionSpec spec) {
        int number = spec.id() != null ? 0 : ++subscriptionCounter;
        String id = spec.id() != null ? spec.id() : Subscription.generatedId(this, number);
        Subscription[] current = subscriptionArray();
        if (indexOf(current, id) >= 0) {
            throw new IllegalStateException("Subscription id '" + id + "' is already in use on this connection");
        }
        Subscription subscription = new Subscription(this, spec, number);
        Subscription[] more = Arrays.copyOf(current, current.length + 1);
        more[current.length] = subscription;
        keep(more);
        return subscription;
    }

    public synchronized Subscription removeSubscription(String id) {
        Subscription[] current = subscriptionArray();
        int index = indexOf(current, id);
        if (index < 0) {
            return null;
        }
        Subscription[] fewer = new Subscription[current.length - 1];
        System.arraycopy(current, 0, fewer, 0, index);
        System.arraycopy(current, index + 1, fewer, index, fewer.length - index);
        keep(fewer);
        return current[index];
    }

    /** Holds {@code all} as the field's comment says: nothing, the one, or the array. */
    private void keep(Subscription[] all) {
        subscriptions = all.length == 0 ? null : all.length == 1 ? all[0] : all;
    }

    /** The subscriptions in the order they were made; a copy when there is just one. */
    private Subscription[] subscriptionArray() {
        if (subscriptions == null) {
            return NO_SUBSCRIPTIONS;
        }
        return subscriptions instanceof Subscription only ? new Subscription[] {only} : (Subscription[]) subscriptions;
    }

    /** A linear search: the per-connection limit (1,000 by default) keeps it short. */
    private static int indexOf(Subscription[] subscriptions, String id) {
        for (int i = 0; i < subscriptions.length; i++) {
            if (subscriptions[i].hasId(id)) {
                return i;
            }
        }
        return -1;
    }

    public synchronized int subscriptionCount() {
        return subscriptionArray().length;
    }

    public synchronized List<Subscription> subscriptions() {
        return new ArrayList<>(Arrays.asList(subscriptionArray()));
    }

    /** Removes every subscription, for the router to unindex on disconnect. */
    public synchronized List<Subscription> clearSubscriptions() {
        List<Subscription> all = subscriptions();
        subscriptions = null;
        return all;
    }

    /**
     * Stops sending and starts the close handshake. Returns false if the session was already
     * closed.
     */
    public boolean close(int code, String reason) {
        if (!outbox.close()) {
            return false;
        }
        outbox.transport().close(code, reason);
        return true;
    }

    /** Marks the session closed after the peer went away. */
    public boolean markClosed() {
        return outbox.close();
    }

    public boolean isClosed() {
        return outbox.isClosed();
    }

    /** Drops the connection outright; for peers that stopped reading. */
    public void abort() {
        outbox.transport().abort();
    }

    @Override
    public String toString() {
        return clientName == null ? clientId : clientId + " (" + clientName + ")";
    }
}
