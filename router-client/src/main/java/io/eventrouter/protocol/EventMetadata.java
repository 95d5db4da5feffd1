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

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        return new Builder().createdAt(createdAt).correlationId(correlationId).causationId(causationId)
                .userId(userId).sessionId(sessionId).traceId(traceId).spanId(spanId).tags(tags).headers(headers);
    }

    public EventMetadata withCreatedAt(Instant value) {
        return new EventMetadata(value, correlationId, causationId, userId, sessionId, traceId,
                spanId, tags, headers);
    }

    public EventMetadata withCorrelationId(String value) {
        return new EventMetadata(createdAt, value, causationId, userId, sessionId, traceId,
                spanId, tags, headers);
    }

    /** Builds metadata; unset fields stay null, maps empty. */
    public static final class Builder {
        private Instant createdAt;
        private String correlationId;
        private String causationId;
        private String userId;
        private String sessionId;
        private String traceId;
        private String spanId;
        private final Map<String, String> tags = new java.util.LinkedHashMap<>();
        private final Map<String, String> headers = new java.util.LinkedHashMap<>();

        private Builder() {}

        public Builder createdAt(Instant value) {
            this.createdAt = value;
            return this;
        }

        public Builder correlationId(String value) {
            this.correlationId = value;
            return this;
        }

        public Builder causationId(String value) {
            this.causationId = value;
            return this;
        }

        public Builder userId(String value) {
            this.userId = value;
            return this;
        }

        public Builder sessionId(String value) {
            this.sessionId = value;
            return this;
        }

        public Builder traceId(String value) {
            this.traceId = value;
            return this;
        }

        public Builder spanId(String value) {
            this.spanId = value;
            return this;
        }

        public Builder tag(String key, String value) {
            tags.put(key, value);
            return this;
        }

        public Builder tags(Map<String, String> values) {
            tags.putAll(values);
            return this;
        }

        public Builder header(String key, String value) {
            headers.put(key, value);
            return this;
        }

        public Builder headers(Map<String, String> values) {
            headers.putAll(values);
            return this;
        }

        public EventMetadata build() {
            return new EventMetadata(createdAt, correlationId, causationId, userId, sessionId, traceId, spanId,
                    tags, headers);
        }
    }
}
