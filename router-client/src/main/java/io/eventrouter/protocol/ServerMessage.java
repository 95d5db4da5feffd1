package io.eventrouter.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A frame the router sends to a client. */
public sealed interface ServerMessage {

    /** The wire value of the {@code type} field. */
    String type();

    /** First frame on every connection. */
    record Welcome(String clientId, Instant serverTime, String clientName) implements ServerMessage {
        @Override
        public String type() {
            return "welcome";
        }
    }

    /** A delivered event; {@code offset} is reserved for stored events and null until then. */
    record EventDelivery(String subscriptionId, Event event) implements ServerMessage {
        public EventDelivery {
            Objects.requireNonNull(event, "event");
        }

        @Override
        public String type() {
            return "event";
        }
    }

    /** Reply to publish: {@code status} is {@code queued} or {@code dropped} with a reason. */
    record Published(String eventId, String status, String reason, String requestId)
            implements ServerMessage {
        public static final String QUEUED = "queued";
        public static final String DROPPED = "dropped";

        public static Published queued(String eventId, String requestId) {
            return new Published(eventId, QUEUED, null, requestId);
        }

        public static Published dropped(String eventId, String reason, String requestId) {
            return new Published(eventId, DROPPED, reason, requestId);
        }

        @Override
        public String type() {
            return "published";
        }
    }

    record Subscribed(String subscriptionId, List<String> topics, String requestId)
            implements ServerMessage {
        public Subscribed {
            topics = List.copyOf(topics);
        }

        @Override
        public String type() {
            return "subscribed";
        }
    }

    record Unsubscribed(String subscriptionId, String requestId) implements ServerMessage {
        @Override
        public String type() {
            return "unsubscribed";
        }
    }

    record Pong(Instant timestamp, JsonValue echo, String requestId) implements ServerMessage {
        @Override
        public String type() {
            return "pong";
        }
    }

    /**
     * Reply to get_health. {@code details} holds the router's extra figures; its members are
     * written on the envelope beside {@code health}, never inside it.
     */
    record HealthReport(Health health, JsonObject details, String requestId) implements ServerMessage {
        public HealthReport {
            Objects.requireNonNull(health, "health");
            details = details == null ? JsonObject.EMPTY_JSON_OBJECT : details;
        }

        @Override
        public String type() {
            return "health";
        }
    }

    record Identified(String clientId, String clientName, String requestId) implements ServerMessage {
        @Override
        public String type() {
            return "identified";
        }
    }

    /**
     * An error reply. {@code error} is human-readable text (for max_clients_reached it is the
     * code itself, as in V2, and {@code message} carries the text).
     */
    record Error(String error, ErrorCode code, String message, Instant timestamp, String requestId)
            implements ServerMessage {
        public Error {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(code, "code");
            timestamp = timestamp == null ? Instant.now() : timestamp;
        }

        public static Error of(ProtocolException problem) {
            return new Error(problem.getMessage(), problem.code(), null, Instant.now(), problem.requestId());
        }

        @Override
        public String type() {
            return "error";
        }
    }
}
