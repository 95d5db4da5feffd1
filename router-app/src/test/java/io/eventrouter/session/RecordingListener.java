package io.eventrouter.session;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Records what an outbox reports; optionally reacts to an overflow as the router does. */
final class RecordingListener implements OutboxListener {
    private final List<Integer> slowConsumerDrops = new ArrayList<>();
    private final List<Integer> disconnectDrops = new ArrayList<>();
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
    public synchronized void droppedOnDisconnect(int count) {
        disconnectDrops.add(count);
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

    synchronized List<Integer> disconnectDrops() {
        return new ArrayList<>(disconnectDrops);
    }

    synchronized List<String> overflows() {
        return new ArrayList<>(overflows);
    }

    synchronized List<Throwable> sendFailures() {
        return new ArrayList<>(sendFailures);
    }
}
