package io.eventrouter.protocol;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;

/**
 * The one entry point for turning frames into messages and back. Thread-safe; uses the
 * streaming JSON-P API so the hot path involves no reflection.
 */
public final class ProtocolCodec {
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());
    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

    private ProtocolCodec() {}

    /**
     * Decodes a frame a client sent. The text is read before this returns and not kept, so
     * the caller may pass a buffer it reuses.
     */
    public static ClientMessage decodeClientMessage(CharSequence text) throws ProtocolException {
        Instant now = Instant.now();
        ClientMessage publish = decodePublishScanned(text, now);
        return publish != null ? publish : decodeClientMessageFromTree(text, now);
    }

    /** {@link #decodeClientMessage} through a JSON-P tree, even for a publish (tests use it directly). */
    static ClientMessage decodeClientMessageFromTree(CharSequence text, Instant now) throws ProtocolException {
        return ClientMessageCodec.decode(readObject(text), now);
    }

    /** {@link #decodeClientMessage} of a publish read without a tree; null if it cannot be. */
    static ClientMessage decodePublishScanned(CharSequence text, Instant now) throws ProtocolException {
        ScannedFields publish = PublishScanner.read(text);
        return publish == null ? null : ClientMessageCodec.publish(publish, now);
    }

    /** Decodes a frame the router sent. */
    public static ServerMessage decodeServerMessage(String text) throws ProtocolException {
        return ServerMessageCodec.decode(readObject(text));
    }

    public static String encode(ClientMessage message) {
        StringWriter buffer = new StringWriter(256);
        try (JsonGenerator out = GENERATORS.createGenerator(buffer)) {
            ClientMessageCodec.write(out, message);
        }
        return buffer.toString();
    }

    public static String encode(ServerMessage message) {
        if (message instanceof ServerMessage.Published published) {
            return encodePublished(published);
        }
        StringWriter buffer = new StringWriter(256);
        try (JsonGenerator out = GENERATORS.createGenerator(buffer)) {
            ServerMessageCodec.write(out, message);
        }
        return buffer.toString();
    }

    /**
     * The reply to every publish, so it skips the generator: the same keys in the same order,
     * escaped the same way (the round-trip tests decode it).
     */
    private static String encodePublished(ServerMessage.Published published) {
        StringBuilder out = new StringBuilder(96);
        out.append("{\"type\":\"published\",\"event_id\":");
        EventJson.appendQuoted(out, published.eventId());
        out.append(",\"status\":");
        EventJson.appendQuoted(out, published.status());
        if (published.reason() != null) {
            out.append(",\"reason\":");
            EventJson.appendQuoted(out, published.reason());
        }
        if (published.requestId() != null) {
            out.append(",\"request_id\":");
            EventJson.appendQuoted(out, published.requestId());
        }
        return out.append('}').toString();
    }

    /**
     * The event object alone, as it appears under {@code event} in a frame, written directly
     * rather than through the generator (the dispatcher writes the same bytes through {@link
     * EncodedEvent}); the text is the same as {@link #encode(ServerMessage)} writes for the event.
     */
    public static String encodeEvent(Event event) {
        return EventJson.encode(event);
    }

    /** Reads an event object with the protocol's defaults for missing fields. */
    public static Event decodeEvent(JsonObject event) throws ProtocolException {
        return EventCodec.read(new JsonFields(event, "event", null), Instant.now());
    }

    /** A JSON string literal (quoted and escaped) for assembling frames around pre-encoded parts. */
    public static String quote(String value) {
        StringWriter buffer = new StringWriter(value.length() + 8);
        try (JsonGenerator out = GENERATORS.createGenerator(buffer)) {
            out.writeStartArray().write(value).writeEnd();
        }
        String array = buffer.toString();
        return array.substring(1, array.length() - 1);
    }

    static JsonObject readObject(CharSequence text) throws ProtocolException {
        JsonValue value = JsonTextReader.read(text);
        if (value == null) {
            value = readWithParsson(text);
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ProtocolException(ErrorCode.INVALID_MESSAGE,
                    "A message must be a JSON object with a 'type' field, got " + JsonFields.describe(value), null);
        }
        return value.asJsonObject();
    }

    /** Text the fast reader left alone: Parsson reads it or says what is wrong with it. */
    private static JsonValue readWithParsson(CharSequence text) throws ProtocolException {
        try (JsonReader reader = READERS.createReader(new StringReader(text.toString()))) {
            return reader.readValue();
        } catch (JsonException e) {
            throw new ProtocolException(ErrorCode.INVALID_JSON, "Invalid JSON: " + firstLine(e.getMessage()), null);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed input";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
