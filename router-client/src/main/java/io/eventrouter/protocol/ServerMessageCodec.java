package io.eventrouter.protocol;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Server → client frames. Extras beyond V2 always go on the envelope, never inside event. */
final class ServerMessageCodec {
    private ServerMessageCodec() {}

    static void write(JsonGenerator out, ServerMessage message) {
        out.writeStartObject();
        out.write("type", message.type());
        String requestId = null;
        if (message instanceof ServerMessage.Welcome welcome) {
            out.write("client_id", welcome.clientId());
            out.write("server_time", Timestamps.format(welcome.serverTime()));
            if (welcome.clientName() != null) {
                out.write("client_name", welcome.clientName());
            }
        } else if (message instanceof ServerMessage.EventDelivery delivery) {
            EventCodec.writeNullable(out, "subscription_id", delivery.subscriptionId());
            out.writeStartObject("event");
            EventCodec.write(out, delivery.event());
            out.writeEnd();
        } else if (message instanceof ServerMessage.Published published) {
            out.write("event_id", published.eventId());
            out.write("status", published.status());
            if (published.reason() != null) {
                out.write("reason", published.reason());
            }
            requestId = published.requestId();
        } else if (message instanceof ServerMessage.Subscribed subscribed) {
            out.write("subscription_id", subscribed.subscriptionId());
            ClientMessageCodec.writeStrings(out, "topics", subscribed.topics());
            requestId = subscribed.requestId();
        } else if (message instanceof ServerMessage.Unsubscribed unsubscribed) {
            out.write("subscription_id", unsubscribed.subscriptionId());
            requestId = unsubscribed.requestId();
        } else if (message instanceof ServerMessage.Pong pong) {
            out.write("timestamp", Timestamps.format(pong.timestamp()));
            out.write("echo", pong.echo());
            requestId = pong.requestId();
        } else if (message instanceof ServerMessage.HealthReport report) {
            writeHealth(out, report.health());
            report.details().forEach(out::write);
            requestId = report.requestId();
        } else if (message instanceof ServerMessage.Identified identified) {
            out.write("client_id", identified.clientId());
            out.write("client_name", identified.clientName());
            requestId = identified.requestId();
        } else if (message instanceof ServerMessage.Error error) {
            out.write("error", error.error());
            out.write("code", error.code().wireName());
            if (error.message() != null) {
                out.write("message", error.message());
            }
            out.write("timestamp", Timestamps.format(error.timestamp()));
            requestId = error.requestId();
        }
        if (requestId != null) {
            out.write("request_id", requestId);
        }
        out.writeEnd();
    }

    private static void writeHealth(JsonGenerator out, Health health) {
        out.writeStartObject("health");
        out.write("status", health.status());
        out.write("uptime", health.uptime());
        out.write("events_processed", health.eventsProcessed());
        out.write("events_failed", health.eventsFailed());
        out.write("events_in_queue", health.eventsInQueue());
        out.write("active_subscriptions", health.activeSubscriptions());
        out.write("connected_clients", health.connectedClients());
        EventCodec.writeNullable(out, "last_event_at",
                health.lastEventAt() == null ? null : Timestamps.format(health.lastEventAt()));
        ClientMessageCodec.writeStrings(out, "errors", health.errors());
        out.writeEnd();
    }

    static ServerMessage decode(JsonObject frame) throws ProtocolException {
        JsonFields root = new JsonFields(frame, "", null);
        String requestId = root.optString("request_id");
        JsonFields f = new JsonFields(frame, "", requestId);
        if (f.isAbsent("type")) {
            throw f.invalid(ErrorCode.MISSING_TYPE, "Message has no 'type' field");
        }
        String type = f.optString("type");
        return switch (type) {
            case "welcome" -> new ServerMessage.Welcome(f.requireString("client_id"),
                    orNow(f.optTimestamp("server_time")), f.optString("client_name"));
            case "event" -> new ServerMessage.EventDelivery(f.optString("subscription_id"), deliveredEvent(f));
            case "published" -> new ServerMessage.Published(f.optString("event_id"), f.requireString("status"),
                    f.optString("reason"), requestId);
            case "subscribed" -> new ServerMessage.Subscribed(f.requireString("subscription_id"),
                    f.optStringList("topics"), requestId);
            case "unsubscribed" -> new ServerMessage.Unsubscribed(f.requireString("subscription_id"), requestId);
            case "pong" -> new ServerMessage.Pong(orNow(f.optTimestamp("timestamp")),
                    frame.getOrDefault("echo", JsonValue.NULL), requestId);
            case "health" -> new ServerMessage.HealthReport(health(f), details(frame), requestId);
            case "identified" -> new ServerMessage.Identified(f.requireString("client_id"),
                    f.requireString("client_name"), requestId);
            case "error" -> new ServerMessage.Error(f.requireString("error"), errorCode(f.optString("code")),
                    f.optString("message"), f.optTimestamp("timestamp"), requestId);
            default -> throw f.invalid(ErrorCode.UNKNOWN_TYPE, "Unknown message type: " + type);
        };
    }

    private static Event deliveredEvent(JsonFields f) throws ProtocolException {
        JsonFields event = f.nested("event");
        if (event == null) {
            throw f.invalid(ErrorCode.INVALID_MESSAGE, "An 'event' frame needs an 'event' object");
        }
        return EventCodec.read(event, Instant.now());
    }

    private static Health health(JsonFields f) throws ProtocolException {
        JsonFields h = f.nested("health");
        if (h == null) {
            throw f.invalid(ErrorCode.INVALID_MESSAGE, "A 'health' frame needs a 'health' object");
        }
        JsonNumber uptime = h.optNumber("uptime");
        return new Health(h.optString("status"),
                uptime == null ? 0.0 : uptime.doubleValue(),
                longOf(h, "events_processed"), longOf(h, "events_failed"), longOf(h, "events_in_queue"),
                longOf(h, "active_subscriptions"), longOf(h, "connected_clients"),
                h.optTimestamp("last_event_at"), h.optStringList("errors"));
    }

    private static JsonObject details(JsonObject frame) {
        Map<String, JsonValue> extras = new LinkedHashMap<>(frame);
        extras.remove("type");
        extras.remove("health");
        extras.remove("request_id");
        return jakarta.json.Json.createObjectBuilder(extras).build();
    }

    private static long longOf(JsonFields fields, String name) throws ProtocolException {
        JsonNumber number = fields.optNumber(name);
        return number == null ? 0L : number.longValue();
    }

    private static ErrorCode errorCode(String wire) {
        if (wire != null) {
            for (ErrorCode code : ErrorCode.values()) {
                if (code.wireName().equals(wire)) {
                    return code;
                }
            }
        }
        return ErrorCode.INVALID_MESSAGE;
    }

    private static Instant orNow(Instant value) {
        return value == null ? Instant.now() : value;
    }
}
