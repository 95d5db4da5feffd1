package io.eventrouter.protocol;

import java.time.Instant;
import java.util.List;

/**
 * The health object of the V2 protocol, exactly its fields: Python clients build a dataclass
 * from it, so nothing may be added here (extras go on the reply envelope).
 *
 * @param status {@code healthy}, {@code degraded} or {@code unhealthy}
 * @param uptime seconds since the router started
 * @param lastEventAt when the last event was published, or null
 * @param errors human-readable reasons for a status other than healthy
 */
public record Health(
        String status,
        double uptime,
        long eventsProcessed,
        long eventsFailed,
        long eventsInQueue,
        long activeSubscriptions,
        long connectedClients,
        Instant lastEventAt,
        List<String> errors) {

    public static final String HEALTHY = "healthy";
    public static final String DEGRADED = "degraded";
    public static final String UNHEALTHY = "unhealthy";

    public Health {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
