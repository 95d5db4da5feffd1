package io.eventrouter.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterStatsTest {
    private final List<Long> latencies = new ArrayList<>();
    private final RouterStats stats = new RouterStats((session, reason) -> {}, (session, failure) -> {},
            latencies::add);

    @Test
    void shouldCountDropsByReasonAndPriority() {
        stats.refused(3);
        stats.evicted(1);
        stats.droppedForSlowConsumer(1);
        stats.droppedOnDisconnect(7, 4);
        stats.routingFailed(9);
        stats.sendFailed(null, new RuntimeException("gone"));

        assertThat(stats.drops.total(DropReason.QUEUE_FULL)).isEqualTo(1);
        assertThat(stats.drops.count(DropReason.DISCONNECTED, 6)).isEqualTo(4);
        assertThat(stats.drops.total(DropReason.SEND_FAILED)).isEqualTo(2);
        assertThat(stats.drops.count(DropReason.SEND_FAILED, DropCounters.UNKNOWN_PRIORITY)).isEqualTo(1);
        assertThat(stats.drops.ofPriority(1, DropReason.EVICTED, DropReason.SLOW_CONSUMER)).isEqualTo(2);
        // Failed deliveries: slow consumer, disconnected and send failures, not the queue's refusals.
        assertThat(stats.failed()).isEqualTo(1 + 4 + 2);
    }

    @Test
    void shouldComputeRatesSinceTheOldestSample() {
        stats.published.add(30);
        stats.delivered(60);

        RouterStats.Rates rates = stats.recentRates();

        // During the first minute the window starts at the router's start.
        assertThat(rates.windowSeconds()).isPositive();
        assertThat(rates.publishedPerSecond()).isPositive();
        assertThat(rates.deliveredPerSecond()).isCloseTo(2 * rates.publishedPerSecond(), within(1e-9));
    }

    @Test
    void shouldPassEachDeliveryLatencyOn() {
        stats.deliveredAfter(1_500);
        stats.deliveredAfter(2_500);

        assertThat(latencies).containsExactly(1_500L, 2_500L);
    }
}
