package io.eventrouter.routing;

import io.eventrouter.protocol.Priority;
import io.eventrouter.protocol.Timestamps;
import io.eventrouter.queue.EventQueue;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * The router's figures for the admin API: totals, drops by reason and priority, the queue by
 * priority, and publish and delivery rates over the last minute.
 */
final class StatsReporter {
    private final RouterStats stats;
    private final EventQueue queue;
    private final SubscriptionRegistry subscriptions;
    private final SessionRegistry sessions;
    private final boolean multiQueue;

    StatsReporter(RouterStats stats, EventQueue queue, SubscriptionRegistry subscriptions, SessionRegistry sessions,
            boolean multiQueue) {
        this.stats = stats;
        this.queue = queue;
        this.subscriptions = subscriptions;
        this.sessions = sessions;
        this.multiQueue = multiQueue;
    }

    JsonObject stats() {
        RouterStats.Rates rates = stats.recentRates();
        return Json.createObjectBuilder()
                .add("started_at", Timestamps.format(stats.startedAt))
                .add("uptime_seconds", stats.uptimeSeconds())
                .add("events", Json.createObjectBuilder()
                        .add("published", stats.published.sum())
                        .add("processed", stats.processed.sum())
                        .add("delivered", stats.delivered.sum())
                        .add("failed", stats.failed()))
                .add("dropped", dropped())
                .add("queue", queue())
                .add("rates", Json.createObjectBuilder()
                        .add("window_seconds", round(rates.windowSeconds()))
                        .add("published_per_second", round(rates.publishedPerSecond()))
                        .add("delivered_per_second", round(rates.deliveredPerSecond())))
                .add("clients", sessions.count())
                .add("max_clients", sessions.maxClients())
                .add("subscriptions", subscriptions.count())
                .add("slow_consumer_disconnects", stats.slowConsumerDisconnects.sum())
                .add("client_errors", stats.clientErrors.sum())
                .build();
    }

    private JsonObject dropped() {
        JsonObjectBuilder dropped = Json.createObjectBuilder();
        for (DropReason reason : DropReason.values()) {
            JsonObjectBuilder byPriority = Json.createObjectBuilder();
            for (int p = Priority.MIN; p <= Priority.MAX; p++) {
                byPriority.add(Integer.toString(p), stats.drops.count(reason, Priority.index(p)));
            }
            long unknown = stats.drops.count(reason, DropCounters.UNKNOWN_PRIORITY);
            if (reason == DropReason.SEND_FAILED) {
                byPriority.add("unknown", unknown);
            }
            dropped.add(reason.label(), Json.createObjectBuilder()
                    .add("total", stats.drops.total(reason))
                    .add("by_priority", byPriority));
        }
        return dropped.build();
    }

    private JsonObject queue() {
        int[] depths = queue.sizesByPriority();
        JsonObjectBuilder byPriority = Json.createObjectBuilder();
        int total = 0;
        for (int p = Priority.MIN; p <= Priority.MAX; p++) {
            int depth = depths[Priority.index(p)];
            byPriority.add(Integer.toString(p), depth);
            total += depth;
        }
        return Json.createObjectBuilder()
                .add("depth", total)
                .add("depth_by_priority", byPriority)
                .add("capacity", queue.capacity())
                .add("mode", multiQueue ? "weighted_fair" : "strict")
                .build();
    }

    /** Three decimals: rates are estimates, and long fractions only make the JSON harder to read. */
    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
