package io.eventrouter.routing;

import io.eventrouter.protocol.Priority;
import io.eventrouter.queue.EventQueue;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The router's meters. Counters and gauges read the router's own counters when scraped
 * (FunctionCounter, Gauge), so publishing and delivering pay nothing extra for them; only the
 * latency histogram is recorded as events are delivered.
 */
final class RouterMetrics {
    private RouterMetrics() {}

    /**
     * {@code router_delivery_latency_seconds}: from the router accepting a published event into
     * its queue to the event's frame being written to one subscriber's connection; one
     * observation per subscriber delivery. It includes time in the router's queue and in the
     * subscriber's outbound queue, so a slow subscriber shows up here.
     */
    static Timer deliveryLatency(MeterRegistry registry) {
        return Timer.builder("router.delivery.latency")
                .description("Time from accepting a published event to writing it to a subscriber's connection")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry);
    }

    static void bind(MeterRegistry registry, RouterStats stats, EventQueue queue, SessionRegistry sessions,
            SubscriptionRegistry subscriptions) {
        FunctionCounter.builder("router.events.published", stats, s -> s.published.sum())
                .description("Events accepted into the router's queue")
                .register(registry);
        FunctionCounter.builder("router.events.delivered", stats, s -> s.delivered.sum())
                .description("Event frames written to subscribers' connections, one per subscriber")
                .register(registry);
        for (DropReason reason : DropReason.values()) {
            for (int p = Priority.MIN; p <= Priority.MAX; p++) {
                dropCounter(registry, stats, reason, Integer.toString(p), Priority.index(p));
            }
        }
        // A failed socket write loses frames whose priorities are no longer known.
        dropCounter(registry, stats, DropReason.SEND_FAILED, "unknown", DropCounters.UNKNOWN_PRIORITY);
        for (int p = Priority.MIN; p <= Priority.MAX; p++) {
            int index = Priority.index(p);
            Gauge.builder("router.queue.depth", queue, q -> q.sizesByPriority()[index])
                    .description("Events waiting in the router's queue")
                    .tag("priority", Integer.toString(p))
                    .register(registry);
        }
        Gauge.builder("router.clients", sessions, SessionRegistry::count)
                .description("Connected clients")
                .register(registry);
        Gauge.builder("router.subscriptions", subscriptions, SubscriptionRegistry::count)
                .description("Active subscriptions")
                .register(registry);
    }

    private static void dropCounter(MeterRegistry registry, RouterStats stats, DropReason reason, String priority,
            int slot) {
        FunctionCounter.builder("router.events.dropped", stats, s -> s.drops.count(reason, slot))
                .description("Events not delivered, by reason and priority")
                .tag("reason", reason.label())
                .tag("priority", priority)
                .register(registry);
    }
}
