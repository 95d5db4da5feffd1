package io.eventrouter.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.time.Instant;
import java.util.List;

/** Client → server frames. */
final class ClientMessageCodec {
    private ClientMessageCodec() {}

    static ClientMessage decode(JsonObject frame, Instant now) throws ProtocolException {
        JsonFields root = new JsonFields(frame, "", null);
        String requestId = root.optString("request_id");
        JsonFields fields = new JsonFields(frame, "", requestId);
        if (fields.isAbsent("type")) {
            throw fields.invalid(ErrorCode.MISSING_TYPE, "Message has no 'type' field");
        }
        String type = fields.optString("type");
        return switch (type) {
            case "publish" -> new ClientMessage.Publish(publishedEvent(fields, now), requestId);
            case "subscribe" -> new ClientMessage.Subscribe(subscription(fields), requestId);
            case "unsubscribe" -> new ClientMessage.Unsubscribe(fields.requireString("subscription_id"), requestId);
            case "ping" -> new ClientMessage.Ping(frame.getOrDefault("echo", JsonValue.NULL), requestId);
            case "get_health" -> new ClientMessage.GetHealth(requestId);
            case "identify" -> new ClientMessage.Identify(fields.requireString("client_name"), requestId);
            default -> throw fields.invalid(ErrorCode.UNKNOWN_TYPE, "Unknown message type: " + type);
        };
    }

    /** A publish frame the frame reader read without a tree ({@link PublishScanner}). */
    static ClientMessage.Publish publish(ScannedFields event, Instant now) throws ProtocolException {
        return new ClientMessage.Publish(EventCodec.read(event, now), event.requestId());
    }

    private static Event publishedEvent(JsonFields fields, Instant now) throws ProtocolException {
        JsonFields event = fields.nested("event");
        if (event == null) {
            throw fields.invalid(ErrorCode.INVALID_MESSAGE, "A 'publish' message needs an 'event' object");
        }
        return EventCodec.read(event, now);
    }

    private static SubscriptionSpec subscription(JsonFields fields) throws ProtocolException {
        JsonFields spec = fields.nested("subscription");
        if (spec == null) {
            return new SubscriptionSpec(null, null, null, null, null);
        }
        List<String> topics = spec.optStringList("topics");
        for (String pattern : topics) {
            try {
                Topics.requireValidPattern(pattern);
            } catch (IllegalArgumentException e) {
                throw spec.invalid(ErrorCode.INVALID_PATTERN, "Field 'subscription.topics': " + e.getMessage());
            }
        }
        List<Integer> priorities = spec.optIntegerList("priorities", ErrorCode.INVALID_PRIORITY);
        for (int priority : priorities) {
            if (!Priority.isValid(priority)) {
                throw spec.invalid(ErrorCode.INVALID_PRIORITY,
                        "Field 'subscription.priorities' must hold integers from 1 to 10, got " + priority);
            }
        }
        String id = spec.optString("id");
        if (id != null && id.isEmpty()) {
            throw spec.invalid(ErrorCode.INVALID_FIELD, "Field 'subscription.id' must not be empty when given");
        }
        return new SubscriptionSpec(id, topics, spec.optStringList("types"), priorities, spec.optStringList("sources"));
    }

    static void write(JsonGenerator out, ClientMessage message) {
        out.writeStartObject();
        out.write("type", message.type());
        if (message instanceof ClientMessage.Publish publish) {
            out.writeStartObject("event");
            EventCodec.write(out, publish.event());
            out.writeEnd();
        } else if (message instanceof ClientMessage.Subscribe subscribe) {
            writeSubscription(out, subscribe.subscription());
        } else if (message instanceof ClientMessage.Unsubscribe unsubscribe) {
            out.write("subscription_id", unsubscribe.subscriptionId());
        } else if (message instanceof ClientMessage.Ping ping) {
            out.write("echo", ping.echo());
        } else if (message instanceof ClientMessage.Identify identify) {
            out.write("client_name", identify.clientName());
        }
        if (message.requestId() != null) {
            out.write("request_id", message.requestId());
        }
        out.writeEnd();
    }

    private static void writeSubscription(JsonGenerator out, SubscriptionSpec spec) {
        out.writeStartObject("subscription");
        if (spec.id() != null) {
            out.write("id", spec.id());
        }
        writeStrings(out, "topics", spec.topics());
        writeStrings(out, "types", spec.types());
        out.writeStartArray("priorities");
        spec.priorities().forEach(out::write);
        out.writeEnd();
        writeStrings(out, "sources", spec.sources());
        out.writeEnd();
    }

    static void writeStrings(JsonGenerator out, String name, List<String> values) {
        out.writeStartArray(name);
        values.forEach(out::write);
        out.writeEnd();
    }
}
