package io.eventrouter.protocol;

import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Reads and writes the event object. Writing emits exactly the V2 keys (Python clients build
 * dataclasses with {@code **data} and break on anything else); reading accepts any ISO-8601
 * timestamp, ignores unknown keys and fills in the protocol's defaults.
 */
final class EventCodec {
    private EventCodec() {}

    static Event read(TypedFields fields, Instant now) throws ProtocolException {
        String id = fields.optString("id");
        String type = fields.optString("type");
        if (type == null || type.isEmpty()) {
            type = EventTypes.CUSTOM;
        }
        String topic = fields.optString("topic");
        if (topic == null || topic.isEmpty()) {
            if (fields.isAbsent("type") || fields.optString("type").isEmpty()) {
                throw fields.invalid(ErrorCode.INVALID_TOPIC,
                        "Field '" + fields.name("topic") + "' is required (or set 'type' to use it as the topic)");
            }
            topic = type;
        }
        try {
            Topics.requireValidTopic(topic);
        } catch (IllegalArgumentException e) {
            throw fields.invalid(ErrorCode.INVALID_TOPIC, "Field '" + fields.name("topic") + "': " + e.getMessage());
        }
        Integer priority = fields.optInteger("priority", ErrorCode.INVALID_PRIORITY);
        if (priority != null && !Priority.isValid(priority)) {
            throw fields.invalid(ErrorCode.INVALID_PRIORITY, "Field '" + fields.name("priority")
                    + "' must be an integer from 1 to 10, got " + priority);
        }
        Instant timestamp = fields.optTimestamp("timestamp");
        Instant at = timestamp == null ? now : timestamp;
        TypedFields meta = fields.nested("metadata");
        EventMetadata metadata = meta == null ? EventMetadata.createdAt(at) : readMetadata(meta, at);
        String status = fields.optString("delivery_status");
        DeliveryStatus deliveryStatus;
        try {
            deliveryStatus = status == null || status.isEmpty() ? DeliveryStatus.PENDING : DeliveryStatus.fromWire(status);
        } catch (IllegalArgumentException e) {
            throw fields.invalid(ErrorCode.INVALID_FIELD, "Field '" + fields.name("delivery_status") + "': "
                    + e.getMessage() + " (expected pending, delivered, failed, retrying or dead_letter)");
        }
        Integer attempts = fields.optInteger("delivery_attempts", ErrorCode.INVALID_FIELD);
        if (attempts != null && attempts < 0) {
            throw fields.invalid(ErrorCode.INVALID_FIELD, "Field '" + fields.name("delivery_attempts") + "' must not be negative");
        }
        return new Event(
                id == null || id.isEmpty() ? UUID.randomUUID().toString() : id,
                topic,
                type,
                priority == null ? Priority.NORMAL : priority,
                fields.optString("source"),
                emptyToNull(fields.optString("target")),
                payload(fields),
                metadata,
                at,
                fields.optString("version"),
                deliveryStatus,
                attempts == null ? 0 : attempts,
                fields.optTimestamp("last_delivery_attempt"),
                fields.optString("delivery_error"));
    }

    private static JsonObject payload(TypedFields fields) throws ProtocolException {
        JsonObject payload = fields.optObject("payload");
        return payload == null ? JsonObject.EMPTY_JSON_OBJECT : payload;
    }

    private static EventMetadata readMetadata(TypedFields meta, Instant eventTime) throws ProtocolException {
        Instant createdAt = meta.optTimestamp("created_at");
        return new EventMetadata(
                createdAt == null ? eventTime : createdAt,
                meta.optString("correlation_id"),
                meta.optString("causation_id"),
                meta.optString("user_id"),
                meta.optString("session_id"),
                meta.optString("trace_id"),
                meta.optString("span_id"),
                meta.optStringMap("tags"),
                meta.optStringMap("headers"));
    }

    static void write(JsonGenerator out, Event event) {
        out.write("id", event.id());
        out.write("topic", event.topic());
        out.write("type", event.type());
        out.write("priority", event.priority());
        out.write("source", event.source());
        writeNullable(out, "target", event.target());
        out.write("payload", event.payload());
        writeMetadata(out, event.metadata());
        out.write("timestamp", Timestamps.format(event.timestamp()));
        out.write("version", event.version());
        out.write("delivery_status", event.deliveryStatus().wireName());
        out.write("delivery_attempts", event.deliveryAttempts());
        writeNullable(out, "last_delivery_attempt",
                event.lastDeliveryAttempt() == null ? null : Timestamps.format(event.lastDeliveryAttempt()));
        writeNullable(out, "delivery_error", event.deliveryError());
    }

    private static void writeMetadata(JsonGenerator out, EventMetadata metadata) {
        out.writeStartObject("metadata");
        writeNullable(out, "created_at",
                metadata.createdAt() == null ? null : Timestamps.format(metadata.createdAt()));
        writeNullable(out, "correlation_id", metadata.correlationId());
        writeNullable(out, "causation_id", metadata.causationId());
        writeNullable(out, "user_id", metadata.userId());
        writeNullable(out, "session_id", metadata.sessionId());
        writeNullable(out, "trace_id", metadata.traceId());
        writeNullable(out, "span_id", metadata.spanId());
        writeMap(out, "tags", metadata.tags());
        writeMap(out, "headers", metadata.headers());
        out.writeEnd();
    }

    private static void writeMap(JsonGenerator out, String name, Map<String, String> map) {
        out.writeStartObject(name);
        // The entry set's order, as EventJson writes it: Map.copyOf's order is only fixed per JVM run.
        for (Map.Entry<String, String> entry : map.entrySet()) {
            out.write(entry.getKey(), entry.getValue());
        }
        out.writeEnd();
    }

    static void writeNullable(JsonGenerator out, String name, String value) {
        if (value == null) {
            out.writeNull(name);
        } else {
            out.write(name, value);
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
