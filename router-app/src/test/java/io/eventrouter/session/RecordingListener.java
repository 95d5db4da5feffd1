package io.eventrouter.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Records what an outbox reports; optionally reacts to an overflow as the router does. */
final class RecordingListener implements OutboxListener {
    private final List<Integer> slowConsumerDrops = new ArrayList<>();
    private final Map<Integer, Integer> disconnectDrops = new TreeMap<>();
    private final List<Long> latencies = new ArrayList<>();
    private final List<String> overflows = new ArrayList<>();
    private final List<Throwable> sendFailures = new ArrayList<>();
    private long delivered;
    private Consumer<ClientSession> onOverflow = session -> {};

    /** Reacts to overflow like the router: closes the session. */
    RecordingListener closingOnOverflow() {
        onOverflow = session -> session.close(1008, "Slow consumer");
        return this;
    }

    @Override
    public synchronized void delivered(int count) {
        delivered += count;
    }

    @Override
    public synchronized void droppedForSlowConsumer(int priority) {
        slowConsumerDrops.add(priority);
    }

    @Override
    public synchronized void droppedOnDisconnect(int priority, int count) {
        disconnectDrops.merge(priority, count, Integer::sum);
    }

    @Override
    public synchronized void deliveredAfter(long nanosSinceAccepted) {
        latencies.add(nanosSinceAccepted);
    }

    @Override
    public void overflowed(ClientSession session, String reason) {
        synchronized (this) {
            overflows.add(reason);
        }
        onOverflow.accept(session);
    }

    @Override
    public synchronized void sendFailed(ClientSession session, Throwable failure) {
        sendFailures.add(failure);
    }

    synchronized long deliveredCount() {
        return delivered;
    }

    /** Priorities of the events dropped because the subscriber fell behind, in order. */
    synchronized List<Integer> slowConsumerDrops() {
        return new ArrayList<>(slowConsumerDrops);
    }

    /** Events dropped on disconnect, by priority. */
    synchronized Map<Integer, Integer> disconnectDrops() {
        return new TreeMap<>(disconnectDrops);
    }

    synchronized int disconnectDropCount() {
        return disconnectDrops.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Accept-to-written times reported, one per delivered event, in nanoseconds. */
    synchronized List<Long> latencies() {
        return new ArrayList<>(latencies);
    }

    synchronized List<String> overflows() {
        return new ArrayList<>(overflows);
    }

    synchronized List<Throwable> sendFailures() {
        return new ArrayList<>(sendFailures);
    }
}
