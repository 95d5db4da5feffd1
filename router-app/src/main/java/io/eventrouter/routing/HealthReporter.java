package io.eventrouter.routing;

import io.eventrouter.protocol.Health;
import io.eventrouter.protocol.Priority;
import io.eventrouter.queue.EventQueue;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the counters into the V2 health object and the extra figures that go on the reply
 * envelope. {@code degraded} above 80% queue use, {@code unhealthy} when more than 10% of the
 * deliveries of the last minute failed.
 */
final class HealthReporter {
    static final double DEGRADED_QUEUE_USE = 0.8;
    static final double UNHEALTHY_FAILURE_RATE = 0.1;

    private final RouterStats stats;
    private final EventQueue queue;
    private final SubscriptionRegistry subscriptions;
    private final SessionRegistry sessions;
    private final boolean multiQueue;

    HealthReporter(RouterStats stats, EventQueue queue, SubscriptionRegistry subscriptions,
            SessionRegistry sessions, boolean multiQueue) {
        this.stats = stats;
        this.queue = queue;
        this.subscriptions = subscriptions;
        this.sessions = sessions;
        this.multiQueue = multiQueue;
    }

    Health health() {
        int depth = queue.size();
        double failureRate = stats.recentFailureRate();
        List<String> errors = new ArrayList<>();
        String status = Health.HEALTHY;
        if (depth > DEGRADED_QUEUE_USE * queue.capacity()) {
            status = Health.DEGRADED;
            errors.add("Queue above 80% of capacity (" + depth + " of " + queue.capacity() + ")");
        }
        if (failureRate > UNHEALTHY_FAILURE_RATE) {
            status = Health.UNHEALTHY;
            errors.add(String.format(java.util.Locale.ROOT,
                    "%.1f%% of deliveries failed in the last minute", failureRate * 100));
        }
        return new Health(status, stats.uptimeSeconds(), stats.processed.sum(), stats.failed(), depth, subscriptions.count(),
                sessions.count(), stats.lastEventAt(), errors);
    }

    /** Figures beyond V2, written on the health reply envelope. */
    JsonObject details() {
        int[] depths = queue.sizesByPriority();
        JsonObjectBuilder byPriority = Json.createObjectBuilder();
        JsonObjectBuilder droppedByPriority = Json.createObjectBuilder();
        for (int p = Priority.MIN; p <= Priority.MAX; p++) {
            byPriority.add(Integer.toString(p), depths[Priority.index(p)]);
            droppedByPriority.add(Integer.toString(p), stats.drops.ofPriority(p, DropReason.QUEUE_FULL,
                    DropReason.EVICTED, DropReason.SLOW_CONSUMER));
        }
        int pending = 0;
        for (int d : depths) {
            pending += d;
        }
        return Json.createObjectBuilder()
                .add("queue_depth", byPriority)
                .add("queue_capacity", queue.capacity())
                .add("queue_mode", multiQueue ? "weighted_fair" : "strict")
                .add("events_published", stats.published.sum())
                .add("events_delivered", stats.delivered.sum())
                .add("dropped", Json.createObjectBuilder()
                        .add("queue_full", stats.drops.total(DropReason.QUEUE_FULL))
                        .add("evicted", stats.drops.total(DropReason.EVICTED))
                        .add("slow_consumer", stats.drops.total(DropReason.SLOW_CONSUMER))
                        .add("disconnected", stats.drops.total(DropReason.DISCONNECTED))
                        .add("send_failed", stats.drops.total(DropReason.SEND_FAILED))
                        .add("by_priority", droppedByPriority))
                .add("slow_consumer_disconnects", stats.slowConsumerDisconnects.sum())
                .add("client_errors", stats.clientErrors.sum())
                .add("delivery_status_counts", Json.createObjectBuilder()
                        .add("pending", pending)
                        .add("delivered", stats.delivered.sum())
                        .add("failed", stats.failed())
                        .add("retrying", 0)
                        .add("dead_letter", 0))
                .build();
    }
}
