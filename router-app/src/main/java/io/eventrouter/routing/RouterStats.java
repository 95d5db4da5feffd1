package io.eventrouter.routing;

import io.eventrouter.session.ClientSession;
import io.eventrouter.session.OutboxListener;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;

/** The router's counters. Cheap to update from any thread. */
final class RouterStats implements OutboxListener {
    /** Seconds between the samples behind the last-minute figures. */
    static final int SAMPLE_SECONDS = 5;

    final LongAdder published = new LongAdder();
    final LongAdder processed = new LongAdder();
    final LongAdder delivered = new LongAdder();
    final LongAdder slowConsumerDisconnects = new LongAdder();
    final LongAdder clientErrors = new LongAdder();
    final DropCounters drops = new DropCounters();
    final Instant startedAt = Instant.now();
    final long startedNanos = System.nanoTime();
    /** When the last event was accepted (epoch milliseconds; 0 before the first): a long, as it is set per event. */
    volatile long lastEventMillis;

    /** Samples {@value #SAMPLE_SECONDS} s apart spanning a minute, plus the newest. */
    private final SlidingWindow<Sample> window = new SlidingWindow<>(60 / SAMPLE_SECONDS + 1, sample());
    private final BiConsumer<ClientSession, String> onOverflow;
    private final BiConsumer<ClientSession, Throwable> onSendFailure;
    private final LongConsumer deliveryLatency;

    Instant lastEventAt() {
        long millis = lastEventMillis;
        return millis == 0 ? null : Instant.ofEpochMilli(millis);
    }

    /**
     * @param deliveryLatency receives, per delivered event, the nanoseconds from acceptance to
     *     the socket
     */
    RouterStats(BiConsumer<ClientSession, String> onOverflow, BiConsumer<ClientSession, Throwable> onSendFailure,
            LongConsumer deliveryLatency) {
        this.onOverflow = onOverflow;
        this.onSendFailure = onSendFailure;
        this.deliveryLatency = deliveryLatency;
    }

    double uptimeSeconds() {
        return (System.nanoTime() - startedNanos) / 1_000_000 / 1000.0;
    }

    /** Events that were routed but did not reach a subscriber. */
    long failed() {
        return drops.total(DropReason.SLOW_CONSUMER) + drops.total(DropReason.DISCONNECTED)
                + drops.total(DropReason.SEND_FAILED);
    }

    long attempted() {
        return delivered.sum() + failed();
    }

    /** Takes the sample the last-minute figures are computed from; every {@value #SAMPLE_SECONDS} s. */
    void sampleWindow() {
        window.add(sample());
    }

    /** Failed share of the delivery attempts over the last minute, 0 if none. */
    double recentFailureRate() {
        Sample now = sample();
        Sample base = window.oldest();
        long attempts = now.attempted - base.attempted;
        return attempts <= 0 ? 0.0 : (double) (now.failed - base.failed) / attempts;
    }

    /** Publish and delivery rates over the last minute (since start, during the first minute). */
    Rates recentRates() {
        Sample now = sample();
        Sample base = window.oldest();
        double seconds = (now.nanos - base.nanos) / 1e9;
        if (seconds <= 0) {
            return new Rates(0, 0, 0);
        }
        return new Rates(seconds, (now.published - base.published) / seconds,
                (now.delivered - base.delivered) / seconds);
    }

    void evicted(int priority) {
        drops.add(DropReason.EVICTED, priority, 1);
    }

    void refused(int priority) {
        drops.add(DropReason.QUEUE_FULL, priority, 1);
    }

    void routingFailed(int priority) {
        drops.add(DropReason.SEND_FAILED, priority, 1);
    }

    @Override
    public void delivered(int count) {
        delivered.add(count);
    }

    @Override
    public void deliveredAfter(long nanosSinceAccepted) {
        deliveryLatency.accept(nanosSinceAccepted);
    }

    @Override
    public void droppedForSlowConsumer(int priority) {
        drops.add(DropReason.SLOW_CONSUMER, priority, 1);
    }

    @Override
    public void droppedOnDisconnect(int priority, int count) {
        drops.add(DropReason.DISCONNECTED, priority, count);
    }

    @Override
    public void overflowed(ClientSession session, String reason) {
        onOverflow.accept(session, reason);
    }

    @Override
    public void sendFailed(ClientSession session, Throwable failure) {
        drops.addOfUnknownPriority(DropReason.SEND_FAILED, 1);
        onSendFailure.accept(session, failure);
    }

    private Sample sample() {
        return new Sample(System.nanoTime(), published.sum(), delivered.sum(), attempted(), failed());
    }

    /** Events per second over {@code windowSeconds}. */
    record Rates(double windowSeconds, double publishedPerSecond, double deliveredPerSecond) {}

    private record Sample(long nanos, long published, long delivered, long attempted, long failed) {}
}
