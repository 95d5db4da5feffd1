package io.eventrouter.protocol;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * Writes the event object straight into a UTF-8 byte buffer: the dispatcher's one serialization
 * per routed event. The output is what {@link EventCodec#write} produces through the JSON-P
 * generator, as UTF-8 (same keys in the same order, same escaping, numbers as
 * {@link jakarta.json.JsonNumber#toString()}); it skips the generator's context bookkeeping, its
 * synchronized {@code StringWriter} and the {@code DateTimeFormatter}. Keep the two in step; a
 * test compares them. The one exception: a payload that arrived as text ({@link RawJsonObject})
 * is copied as that text, which the generator would first read and re-write. Each thread reuses
 * one writer and its buffer for text; an {@link EncodedEvent} has a writer of its own and keeps
 * the bytes in its buffer.
 *
 * <p>Bytes, not characters, because the frame is bytes: writing characters and narrowing them
 * afterwards cost a loop over every character that the JIT does not vectorize (~400 ns on an
 * 850-character event). Strings are written a character at a time, ASCII straight through. The
 * payload text, the bulk of an event, is copied as it is when the reader that kept it saw only
 * ASCII ({@link RawJsonObject#isAscii()}), else it goes through {@link String#getBytes}, a
 * vector check and copy into an array of its own. As in {@code String.getBytes}, an unpaired
 * surrogate is written as {@code ?}, the one place the output differs from the generator's
 * text before encoding.
 */
final class EventJson {
    private static final byte[] HEX = ascii("0123456789abcdef");
    private static final byte[][] STATUS_NAMES = new byte[DeliveryStatus.values().length][];
    private static final byte[] ID = ascii("{\"id\":");
    private static final byte[] TOPIC = ascii(",\"topic\":");
    private static final byte[] TYPE = ascii(",\"type\":");
    private static final byte[] PRIORITY = ascii(",\"priority\":");
    private static final byte[] SOURCE = ascii(",\"source\":");
    private static final byte[] TARGET = ascii(",\"target\":");
    private static final byte[] PAYLOAD = ascii(",\"payload\":");
    private static final byte[] METADATA = ascii(",\"metadata\":");
    private static final byte[] TIMESTAMP = ascii(",\"timestamp\":");
    private static final byte[] VERSION = ascii(",\"version\":");
    private static final byte[] DELIVERY_STATUS = ascii(",\"delivery_status\":");
    private static final byte[] DELIVERY_ATTEMPTS = ascii(",\"delivery_attempts\":");
    private static final byte[] LAST_DELIVERY_ATTEMPT = ascii(",\"last_delivery_attempt\":");
    private static final byte[] DELIVERY_ERROR = ascii(",\"delivery_error\":");
    private static final byte[] CREATED_AT = ascii("{\"created_at\":");
    private static final byte[] CORRELATION_ID = ascii(",\"correlation_id\":");
    private static final byte[] CAUSATION_ID = ascii(",\"causation_id\":");
    private static final byte[] USER_ID = ascii(",\"user_id\":");
    private static final byte[] SESSION_ID = ascii(",\"session_id\":");
    private static final byte[] TRACE_ID = ascii(",\"trace_id\":");
    private static final byte[] SPAN_ID = ascii(",\"span_id\":");
    private static final byte[] TAGS = ascii(",\"tags\":");
    private static final byte[] HEADERS = ascii(",\"headers\":");
    private static final byte[] NULL = ascii("null");
    private static final byte[] EMPTY_OBJECT = ascii("{}");
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");
    /*
     * Runs of keys and values most events share, each written in one copy rather than one per
     * key and value (small copies cost more per byte): no target; no ids beside the
     * correlation id; no headers; not yet delivered.
     */
    private static final byte[] NO_TARGET_THEN_PAYLOAD = concat(TARGET, NULL, PAYLOAD);
    private static final byte[] NO_FURTHER_IDS = concat(CAUSATION_ID, NULL, USER_ID, NULL, SESSION_ID, NULL,
            TRACE_ID, NULL, SPAN_ID, NULL);
    private static final byte[] NO_HEADERS_THEN_END = concat(HEADERS, EMPTY_OBJECT, ascii("}"));
    private static final byte[] UNDELIVERED_THEN_END = concat(DELIVERY_STATUS,
            ascii("\"" + DeliveryStatus.PENDING.wireName() + "\""), DELIVERY_ATTEMPTS, ascii("0"),
            LAST_DELIVERY_ATTEMPT, NULL, DELIVERY_ERROR, NULL, ascii("}"));
    /** Length of a quoted timestamp: {@code "uuuu-MM-ddTHH:mm:ss.SSSSSS+00:00"}. */
    private static final int TIMESTAMP_BYTES = Timestamps.UTC_LENGTH + 2;
    private static final int INITIAL_BYTES = 1024;
    /** A buffer grown past this by a huge event is dropped after use rather than kept. */
    private static final int MAX_RETAINED_BYTES = 64 * 1024;
    /**
     * This thread's buffer for {@link #encode}. Only a byte array is kept in the thread, so a
     * container thread that outlives an undeployed WAR holds none of its classes.
     */
    private static final ThreadLocal<byte[]> BUFFERS = new ThreadLocal<>();

    static {
        for (DeliveryStatus status : DeliveryStatus.values()) {
            STATUS_NAMES[status.ordinal()] = ascii(status.wireName());
        }
    }

    private byte[] buf;
    private int len;
    /** The last four-digit-year timestamp written and where: events repeat theirs in metadata. */
    private Instant lastInstant;
    private int lastInstantAt;
    /**
     * Kept from one event to the next by a writer that lives long ({@link #writer()}): the
     * events a router writes nearly all fall on one day, and under load many in one second.
     * Null in a writer made per call.
     */
    private final Timestamps.LastWritten lastWritten;

    private EventJson(int capacity) {
        this(new byte[capacity], null);
    }

    private EventJson(byte[] buffer, Timestamps.LastWritten lastWritten) {
        this.buf = buffer;
        this.lastWritten = lastWritten;
    }

    /** A writer of its own, for an {@link EncodedEvent}, which keeps the bytes it writes. */
    static EventJson writer() {
        return new EventJson(new byte[INITIAL_BYTES], new Timestamps.LastWritten());
    }

    static String encode(Event event) {
        byte[] kept = BUFFERS.get();
        EventJson out = new EventJson(kept != null ? kept : new byte[INITIAL_BYTES], null);
        out.write(event);
        String json = out.toString();
        out.shrink();
        if (out.buf != kept) {
            BUFFERS.set(out.buf);
        }
        return json;
    }

    /**
     * Replaces what this writer holds with {@code event}. A buffer a huge event grew is not
     * kept for the next one.
     */
    void write(Event event) {
        shrink();
        len = 0;
        lastInstant = null;
        event(event);
    }

    /** How many bytes the writer holds. */
    int length() {
        return len;
    }

    /** The buffer the bytes are in, from 0 to {@link #length()}; not to be modified. */
    byte[] bytes() {
        return buf;
    }

    private void shrink() {
        if (buf.length > MAX_RETAINED_BYTES) {
            buf = new byte[INITIAL_BYTES];
        }
    }

    /** {@code value} as a quoted, escaped JSON string, escaped exactly as in events. */
    static String quoted(String value) {
        EventJson out = new EventJson(value.length() + 8);
        out.string(value);
        return out.toString();
    }

    /** {@link #quoted} appended to {@code out}, without an intermediate string when nothing needs escaping. */
    static void appendQuoted(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                out.append(quoted(value));
                return;
            }
        }
        out.append('"').append(value).append('"');
    }

    /** {@link Timestamps#format} as a quoted JSON string. */
    static String timestamp(Instant instant) {
        EventJson out = new EventJson(TIMESTAMP_BYTES);
        out.instant(instant);
        return out.toString();
    }

    /** Any JSON object as compact text, written as in events. */
    static String json(JsonObject object) {
        EventJson out = new EventJson(64);
        out.object(object);
        return out.toString();
    }

    @Override
    public String toString() {
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }

    private void event(Event event) {
        raw(ID);
        string(event.id());
        raw(TOPIC);
        string(event.topic());
        raw(TYPE);
        string(event.type());
        raw(PRIORITY);
        number(event.priority());
        raw(SOURCE);
        string(event.source());
        if (event.target() == null) {
            raw(NO_TARGET_THEN_PAYLOAD);
        } else {
            raw(TARGET);
            string(event.target());
            raw(PAYLOAD);
        }
        object(event.payload());
        raw(METADATA);
        metadata(event.metadata());
        raw(TIMESTAMP);
        instant(event.timestamp());
        raw(VERSION);
        string(event.version());
        if (event.deliveryStatus() == DeliveryStatus.PENDING && event.deliveryAttempts() == 0
                && event.lastDeliveryAttempt() == null && event.deliveryError() == null) {
            raw(UNDELIVERED_THEN_END);
            return;
        }
        raw(DELIVERY_STATUS);
        quote(STATUS_NAMES[event.deliveryStatus().ordinal()]);
        raw(DELIVERY_ATTEMPTS);
        number(event.deliveryAttempts());
        raw(LAST_DELIVERY_ATTEMPT);
        nullableInstant(event.lastDeliveryAttempt());
        raw(DELIVERY_ERROR);
        nullableString(event.deliveryError());
        raw('}');
    }

    private void metadata(EventMetadata metadata) {
        raw(CREATED_AT);
        nullableInstant(metadata.createdAt());
        raw(CORRELATION_ID);
        nullableString(metadata.correlationId());
        if (metadata.causationId() == null && metadata.userId() == null && metadata.sessionId() == null
                && metadata.traceId() == null && metadata.spanId() == null) {
            raw(NO_FURTHER_IDS);
        } else {
            raw(CAUSATION_ID);
            nullableString(metadata.causationId());
            raw(USER_ID);
            nullableString(metadata.userId());
            raw(SESSION_ID);
            nullableString(metadata.sessionId());
            raw(TRACE_ID);
            nullableString(metadata.traceId());
            raw(SPAN_ID);
            nullableString(metadata.spanId());
        }
        raw(TAGS);
        stringMap(metadata.tags());
        if (metadata.headers().isEmpty()) {
            raw(NO_HEADERS_THEN_END);
            return;
        }
        raw(HEADERS);
        stringMap(metadata.headers());
        raw('}');
    }

    /**
     * In the entry set's order, as EventCodec writes it: Map.copyOf's order is only fixed per
     * JVM run. A loop here rather than forEach: this call site only ever sees the immutable
     * maps, so the JIT inlines their iteration and keeps a one-entry map's entry set, iterator
     * and entry off the heap (47 bytes less per routed event), where forEach goes through
     * Map's default shared by every map type and allocates all three.
     */
    private void stringMap(Map<String, String> map) {
        if (map.isEmpty()) {
            // The usual case for headers, and often for tags: no iteration at all.
            raw(EMPTY_OBJECT);
            return;
        }
        raw('{');
        boolean first = true;
        for (Map.Entry<String, String> entry : map.entrySet()) {
            if (!first) {
                raw(',');
            }
            first = false;
            string(entry.getKey());
            raw(':');
            string(entry.getValue());
        }
        raw('}');
    }

    private void object(JsonObject object) {
        if (object instanceof RawJsonObject text) {
            if (text.isAscii()) {
                copyAscii(text.json());
            } else {
                utf8(text.json());
            }
            return;
        }
        raw('{');
        boolean first = true;
        for (Map.Entry<String, JsonValue> member : object.entrySet()) {
            if (!first) {
                raw(',');
            }
            first = false;
            string(member.getKey());
            raw(':');
            value(member.getValue(), true);
        }
        raw('}');
    }

    private void array(JsonArray array) {
        raw('[');
        boolean first = true;
        for (JsonValue item : array) {
            if (!first) {
                raw(',');
            }
            first = false;
            value(item, false);
        }
        raw(']');
    }

    /** As the generator: a member's string is read with getChars(), an array item's with getString(). */
    private void value(JsonValue value, boolean member) {
        switch (value.getValueType()) {
            case OBJECT -> object((JsonObject) value);
            case ARRAY -> array((JsonArray) value);
            case STRING -> {
                JsonString text = (JsonString) value;
                string(member ? text.getChars().toString() : text.getString());
            }
            case NUMBER -> utf8(value.toString());
            case TRUE -> raw(TRUE);
            case FALSE -> raw(FALSE);
            case NULL -> raw(NULL);
            default -> throw new IllegalStateException("unknown JSON value type " + value.getValueType());
        }
    }

    private void nullableString(String value) {
        if (value == null) {
            raw(NULL);
        } else {
            string(value);
        }
    }

    /**
     * A JSON string literal escaped as the generator escapes: quote, backslash and the control
     * characters below U+0020 ({@code \b \f \n \r \t}, else a six-character hex escape); nothing
     * else. ASCII goes straight through; from the first character that is not, the rest is
     * escaped and encoded one character at a time.
     */
    private void string(String value) {
        int length = value.length();
        ensure(length + 2);
        byte[] out = buf;
        int at = len;
        out[at++] = '"';
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                len = at;
                escapeFrom(value, i);
                raw('"');
                return;
            }
            out[at++] = (byte) c;
        }
        out[at++] = '"';
        len = at;
    }

    private void escapeFrom(String value, int from) {
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            ensure(6);
            switch (c) {
                case '"', '\\' -> {
                    buf[len++] = '\\';
                    buf[len++] = (byte) c;
                }
                case '\b' -> escape('b');
                case '\f' -> escape('f');
                case '\n' -> escape('n');
                case '\r' -> escape('r');
                case '\t' -> escape('t');
                default -> {
                    if (c < 0x20) {
                        buf[len++] = '\\';
                        buf[len++] = 'u';
                        buf[len++] = '0';
                        buf[len++] = '0';
                        buf[len++] = HEX[c >> 4];
                        buf[len++] = HEX[c & 0xF];
                    } else if (c < 0x80) {
                        buf[len++] = (byte) c;
                    } else {
                        i = encodeChar(value, i);
                    }
                }
            }
        }
    }

    /**
     * The non-ASCII character at {@code i} as UTF-8, taking its low surrogate along if it
     * starts a pair; returns the index of the last character used. Room for 4 bytes is ensured.
     */
    private int encodeChar(String value, int i) {
        char c = value.charAt(i);
        if (c < 0x800) {
            buf[len++] = (byte) (0xC0 | c >> 6);
            buf[len++] = (byte) (0x80 | c & 0x3F);
        } else if (!Character.isSurrogate(c)) {
            buf[len++] = (byte) (0xE0 | c >> 12);
            buf[len++] = (byte) (0x80 | c >> 6 & 0x3F);
            buf[len++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
            int codePoint = Character.toCodePoint(c, value.charAt(i + 1));
            buf[len++] = (byte) (0xF0 | codePoint >> 18);
            buf[len++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
            buf[len++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
            buf[len++] = (byte) (0x80 | codePoint & 0x3F);
            return i + 1;
        } else {
            buf[len++] = '?';
        }
        return i;
    }

    private void escape(char letter) {
        buf[len++] = '\\';
        buf[len++] = (byte) letter;
    }

    private void nullableInstant(Instant instant) {
        if (instant == null) {
            raw(NULL);
        } else {
            instant(instant);
        }
    }

    /**
     * {@link Timestamps#format} as a quoted string: {@code uuuu-MM-dd'T'HH:mm:ss.SSSSSS+00:00}.
     * Years outside 0000..9999, which the formatter writes with a sign, go through it.
     */
    private void instant(Instant instant) {
        ensure(TIMESTAMP_BYTES);
        if (instant.equals(lastInstant)) {
            System.arraycopy(buf, lastInstantAt, buf, len, TIMESTAMP_BYTES);
            len += TIMESTAMP_BYTES;
            return;
        }
        int end = Timestamps.writeUtc(instant, buf, len + 1, lastWritten);
        if (end < 0) {
            raw('"');
            utf8(Timestamps.format(instant));
            raw('"');
            return;
        }
        lastInstant = instant;
        lastInstantAt = len;
        buf[len] = '"';
        buf[end] = '"';
        len = end + 1;
    }

    /** An int as Integer.toString writes it. */
    private void number(int value) {
        if (value >= 0 && value < 10) {
            raw((char) ('0' + value));
        } else {
            utf8(Integer.toString(value));
        }
    }

    /** Text that needs no escaping (JSON already, or a number) as UTF-8. */
    private void utf8(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        raw(bytes);
    }

    /**
     * Text known to be all ASCII, copied as it is: the one String method that copies a compact
     * string's bytes without encoding them or making an array for them.
     */
    @SuppressWarnings("deprecation")
    private void copyAscii(String text) {
        int length = text.length();
        ensure(length);
        text.getBytes(0, length, buf, len);
        len += length;
    }

    private void quote(byte[] ascii) {
        raw('"');
        raw(ascii);
        raw('"');
    }

    private void raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    private void raw(char c) {
        ensure(1);
        buf[len++] = (byte) c;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        byte[] all = new byte[Arrays.stream(parts).mapToInt(part -> part.length).sum()];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
