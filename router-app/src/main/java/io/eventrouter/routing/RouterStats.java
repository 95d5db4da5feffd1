package io.eventrouter.routing;

import io.eventrouter.protocol.Priority;
import io.eventrouter.session.ClientSession;
import io.eventrouter.session.OutboxListener;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;

/** The router's counters. Cheap to update from any thread. */
final class RouterStats implements OutboxListener {
    final LongAdder published = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder evicted = new LongAdder();
    final LongAdder processed = new LongAdder();
    final LongAdder delivered = new LongAdder();
    final LongAdder slowConsumerDrops = new LongAdder();
    final LongAdder disconnectDrops = new LongAdder();
    final LongAdder sendFailures = new LongAdder();
    final LongAdder slowConsumerDisconnects = new LongAdder();
    final LongAdder clientErrors = new LongAdder();
    final AtomicLongArray droppedByPriority = new AtomicLongArray(Priority.LEVELS);
    /** Twelve samples five seconds apart: the last minute. */
    final SlidingWindow window = new SlidingWindow(12);
    final Instant startedAt = Instant.now();
    final long startedNanos = System.nanoTime();
    volatile Instant lastEventAt;

    private final BiConsumer<ClientSession, String> onOverflow;
    private final BiConsumer<ClientSession, Throwable> onSendFailure;

    RouterStats(BiConsumer<ClientSession, String> onOverflow, BiConsumer<ClientSession, Throwable> onSendFailure) {
        this.onOverflow = onOverflow;
        this.onSendFailure = onSendFailure;
    }

    long failed() {
        return slowConsumerDrops.sum() + disconnectDrops.sum() + sendFailures.sum();
    }

    long attempted() {
        return delivered.sum() + failed();
    }

    void sampleWindow() {
        window.sample(attempted(), failed());
    }

    double recentFailureRate() {
        return window.failureRate(attempted(), failed());
    }

    void evicted(int priority) {
        evicted.increment();
        droppedByPriority.incrementAndGet(Priority.index(priority));
    }

    void refused(int priority) {
        refused.increment();
        droppedByPriority.incrementAndGet(Priority.index(priority));
    }

    @Override
    public void delivered(int count) {
        delivered.add(count);
    }

    @Override
    public void droppedForSlowConsumer(int priority) {
        slowConsumerDrops.increment();
        droppedByPriority.incrementAndGet(Priority.index(priority));
    }

    @Override
    public void droppedOnDisconnect(int count) {
        disconnectDrops.add(count);
    }

    @Override
    public void overflowed(ClientSession session, String reason) {
        onOverflow.accept(session, reason);
    }

    @Override
    public void sendFailed(ClientSession session, Throwable failure) {
        sendFailures.increment();
        onSendFailure.accept(session, failure);
    }
}
