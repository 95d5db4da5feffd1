package io.eventrouter.protocol;

import java.time.Instant;
import java.util.Map;

/**
 * Tracing and bookkeeping data that travels with an event. Every field may be null except the
 * two maps, which are empty when absent.
 */
public record EventMetadata(
        Instant createdAt,
        String correlationId,
        String causationId,
        String userId,
        String sessionId,
        String traceId,
        String spanId,
        Map<String, String> tags,
        Map<String, String> headers) {

    public EventMetadata {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** Metadata with only a creation time. */
    public static EventMetadata createdAt(Instant createdAt) {
        return new EventMetadata(createdAt, null, null, null, null, null, null, Map.of(), Map.of());
    }

    public EventMetadata withCreatedAt(Instant value) {
        return new EventMetadata(value, correlationId, causationId, userId, sessionId, traceId,
                spanId, tags, headers);
    }

    public EventMetadata withCorrelationId(String value) {
        return new EventMetadata(createdAt, value, causationId, userId, sessionId, traceId,
                spanId, tags, headers);
    }
}
