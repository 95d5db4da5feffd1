package io.eventrouter.protocol;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event as it travels through the router. Immutable; use {@link #builder(String)} to make
 * one and the {@code with*} methods to derive changed copies.
 *
 * <p>The compact constructor enforces what the protocol requires of every event the router
 * accepts: a valid topic, a non-empty type and a priority from 1 to 10.
 */
public record Event(
        String id,
        String topic,
        String type,
        int priority,
        String source,
        String target,
        JsonObject payload,
        EventMetadata metadata,
        Instant timestamp,
        String version,
        DeliveryStatus deliveryStatus,
        int deliveryAttempts,
        Instant lastDeliveryAttempt,
        String deliveryError) {

    public static final String PROTOCOL_VERSION = "1.0";

    public Event {
        Objects.requireNonNull(id, "id");
        Topics.requireValidTopic(topic);
        if (type == null || type.isEmpty()) {
            throw new IllegalArgumentException("type must be a non-empty string");
        }
        Priority.require(priority);
        source = source == null ? "" : source;
        payload = payload == null ? JsonObject.EMPTY_JSON_OBJECT : payload;
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(timestamp, "timestamp");
        // Nearly every event says "1.0": sharing the constant saves a string per queued event.
        boolean protocolVersion = version == null || version.isEmpty() || version.equals(PROTOCOL_VERSION);
        version = protocolVersion ? PROTOCOL_VERSION : version;
        deliveryStatus = deliveryStatus == null ? DeliveryStatus.PENDING : deliveryStatus;
        if (deliveryAttempts < 0) {
            throw new IllegalArgumentException("delivery_attempts must not be negative");
        }
    }

    public static Builder builder(String topic) {
        return new Builder(topic);
    }

    public Event withMetadata(EventMetadata value) {
        return new Event(id, topic, type, priority, source, target, payload, value, timestamp,
                version, deliveryStatus, deliveryAttempts, lastDeliveryAttempt, deliveryError);
    }

    public Event withSource(String value) {
        return new Event(id, topic, type, priority, value, target, payload, metadata, timestamp,
                version, deliveryStatus, deliveryAttempts, lastDeliveryAttempt, deliveryError);
    }

    /** Builds events with the protocol's defaults: a random id, type {@code custom}, NORMAL. */
    public static final class Builder {
        private String id = UUID.randomUUID().toString();
        private final String topic;
        private String type = EventTypes.CUSTOM;
        private int priority = Priority.NORMAL;
        private String source = "";
        private String target;
        private JsonObject payload = JsonObject.EMPTY_JSON_OBJECT;
        private EventMetadata metadata;
        private Instant timestamp;

        private Builder(String topic) {
            this.topic = topic;
        }

        public Builder id(String value) {
            this.id = value;
            return this;
        }

        public Builder type(String value) {
            this.type = value;
            return this;
        }

        public Builder priority(int value) {
            this.priority = value;
            return this;
        }

        public Builder source(String value) {
            this.source = value;
            return this;
        }

        public Builder target(String value) {
            this.target = value;
            return this;
        }

        public Builder payload(JsonObject value) {
            this.payload = value;
            return this;
        }

        public Builder metadata(EventMetadata value) {
            this.metadata = value;
            return this;
        }

        public Builder timestamp(Instant value) {
            this.timestamp = value;
            return this;
        }

        public Event build() {
            Instant now = Instant.now();
            Instant at = timestamp == null ? now : timestamp;
            EventMetadata meta = metadata == null ? EventMetadata.createdAt(at)
                    : metadata.createdAt() == null ? metadata.withCreatedAt(at) : metadata;
            return new Event(id, topic, type, priority, source, target, payload, meta, at,
                    PROTOCOL_VERSION, DeliveryStatus.PENDING, 0, null, null);
        }
    }
}
