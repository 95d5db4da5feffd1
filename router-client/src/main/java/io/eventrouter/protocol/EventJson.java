package io.eventrouter.protocol;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;

/**
 * Writes the event object straight into a char buffer: the dispatcher's one serialization per
 * routed event. The output is character for character what {@link EventCodec#write} produces
 * through the JSON-P generator (same keys in the same order, same escaping, numbers as
 * {@link jakarta.json.JsonNumber#toString()}); it skips the generator's context bookkeeping, its
 * synchronized {@code StringWriter} and the {@code DateTimeFormatter}. Keep the two in step; a
 * test compares them. The one exception: a payload that arrived as text ({@link RawJsonObject})
 * is copied as that text, which the generator would first read and re-write. Each thread reuses
 * one writer and its buffer, so encoding allocates only the resulting string.
 */
final class EventJson {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final String[] STATUS_NAMES = new String[DeliveryStatus.values().length];
    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the years written as four plain digits. */
    private static final long FIRST_FOUR_DIGIT_SECOND = -62_167_219_200L;
    private static final long LAST_FOUR_DIGIT_SECOND = 253_402_300_799L;
    /** Length of a quoted timestamp: {@code "uuuu-MM-ddTHH:mm:ss.SSSSSS+00:00"}. */
    private static final int TIMESTAMP_CHARS = 34;
    private static final int INITIAL_CHARS = 1024;
    /** A buffer grown past this by a huge event is dropped after use rather than kept. */
    private static final int MAX_RETAINED_CHARS = 64 * 1024;
    private static final ThreadLocal<EventJson> WRITERS = ThreadLocal.withInitial(() -> new EventJson(INITIAL_CHARS));

    static {
        for (DeliveryStatus status : DeliveryStatus.values()) {
            STATUS_NAMES[status.ordinal()] = status.wireName();
        }
    }

    private char[] buf;
    private int len;
    /** The last four-digit-year timestamp written and where: events repeat theirs in metadata. */
    private Instant lastInstant;
    private int lastInstantAt;
    /** Reports any character outside ASCII, so the caller falls back to full UTF-8. */
    private CharsetEncoder ascii;

    private EventJson(int capacity) {
        buf = new char[capacity];
    }

    static String encode(Event event) {
        EventJson out = writing(event);
        String json = out.toString();
        out.shrink();
        return json;
    }

    /** {@link #encode} as UTF-8 into {@code into}, without an intermediate string when the text is ASCII. */
    static void encodeUtf8(Event event, EncodedEvent into) {
        EventJson out = writing(event);
        if (!out.asciiInto(into)) {
            byte[] utf8 = out.toString().getBytes(StandardCharsets.UTF_8);
            System.arraycopy(utf8, 0, into.reserve(utf8.length), 0, utf8.length);
            into.filled(utf8.length);
        }
        out.shrink();
    }

    /** This thread's writer, holding {@code event}. */
    private static EventJson writing(Event event) {
        EventJson out = WRITERS.get();
        out.len = 0;
        out.lastInstant = null;
        out.event(event);
        return out;
    }

    /** A buffer grown by a huge event is not kept for the next one. */
    private void shrink() {
        if (buf.length > MAX_RETAINED_CHARS) {
            buf = new char[INITIAL_CHARS];
        }
    }

    /**
     * The buffer as bytes into {@code into} if every character is ASCII (then UTF-8 is one byte
     * each). The JDK's ASCII encoder narrows a whole array at once, several times faster than a
     * loop over the characters on an event of a few hundred.
     */
    private boolean asciiInto(EncodedEvent into) {
        byte[] bytes = into.reserve(len);
        if (ascii == null) {
            ascii = StandardCharsets.US_ASCII.newEncoder();
        }
        CharBuffer chars = CharBuffer.wrap(buf, 0, len);
        CoderResult result = ascii.reset().encode(chars, ByteBuffer.wrap(bytes, 0, len), true);
        if (result.isError() || chars.hasRemaining()) {
            return false;
        }
        into.filled(len);
        return true;
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
        EventJson out = new EventJson(TIMESTAMP_CHARS);
        out.instant(instant);
        return out.toString();
    }

    @Override
    public String toString() {
        return new String(buf, 0, len);
    }

    private void event(Event event) {
        raw("{\"id\":");
        string(event.id());
        raw(",\"topic\":");
        string(event.topic());
        raw(",\"type\":");
        string(event.type());
        raw(",\"priority\":");
        raw(Integer.toString(event.priority()));
        raw(",\"source\":");
        string(event.source());
        raw(",\"target\":");
        nullableString(event.target());
        raw(",\"payload\":");
        object(event.payload());
        raw(",\"metadata\":");
        metadata(event.metadata());
        raw(",\"timestamp\":");
        instant(event.timestamp());
        raw(",\"version\":");
        string(event.version());
        raw(",\"delivery_status\":");
        string(STATUS_NAMES[event.deliveryStatus().ordinal()]);
        raw(",\"delivery_attempts\":");
        raw(Integer.toString(event.deliveryAttempts()));
        raw(",\"last_delivery_attempt\":");
        nullableInstant(event.lastDeliveryAttempt());
        raw(",\"delivery_error\":");
        nullableString(event.deliveryError());
        raw('}');
    }

    private void metadata(EventMetadata metadata) {
        raw("{\"created_at\":");
        nullableInstant(metadata.createdAt());
        raw(",\"correlation_id\":");
        nullableString(metadata.correlationId());
        raw(",\"causation_id\":");
        nullableString(metadata.causationId());
        raw(",\"user_id\":");
        nullableString(metadata.userId());
        raw(",\"session_id\":");
        nullableString(metadata.sessionId());
        raw(",\"trace_id\":");
        nullableString(metadata.traceId());
        raw(",\"span_id\":");
        nullableString(metadata.spanId());
        raw(",\"tags\":");
        stringMap(metadata.tags());
        raw(",\"headers\":");
        stringMap(metadata.headers());
        raw('}');
    }

    /** Iterated with forEach, as EventCodec does: Map.copyOf's order is only fixed per JVM run. */
    private void stringMap(Map<String, String> map) {
        raw('{');
        int open = len;
        map.forEach((key, value) -> {
            if (len > open) {
                raw(',');
            }
            string(key);
            raw(':');
            string(value);
        });
        raw('}');
    }

    /** Any JSON object as compact text, written as in events. */
    static String json(JsonObject object) {
        EventJson out = new EventJson(64);
        out.object(object);
        return out.toString();
    }

    private void object(JsonObject object) {
        if (object instanceof RawJsonObject text) {
            raw(text.json());
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
            case NUMBER -> raw(value.toString());
            case TRUE -> raw("true");
            case FALSE -> raw("false");
            case NULL -> raw("null");
            default -> throw new IllegalStateException("unknown JSON value type " + value.getValueType());
        }
    }

    private void nullableString(String value) {
        if (value == null) {
            raw("null");
        } else {
            string(value);
        }
    }

    /**
     * A JSON string literal escaped as the generator escapes: quote, backslash and the control
     * characters below U+0020 ({@code \b \f \n \r \t}, else a six-character hex escape); nothing
     * else. Copies the whole string first and escapes only from the first character that needs it.
     */
    private void string(String value) {
        int length = value.length();
        ensure(length + 2);
        buf[len++] = '"';
        value.getChars(0, length, buf, len);
        int end = len + length;
        for (int i = len; i < end; i++) {
            char c = buf[i];
            if (c < 0x20 || c == '"' || c == '\\') {
                len = i;
                escapeFrom(value, i - (end - length));
                raw('"');
                return;
            }
        }
        len = end;
        buf[len++] = '"';
    }

    private void escapeFrom(String value, int from) {
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            ensure(6);
            switch (c) {
                case '"', '\\' -> {
                    buf[len++] = '\\';
                    buf[len++] = c;
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
                    } else {
                        buf[len++] = c;
                    }
                }
            }
        }
    }

    private void escape(char letter) {
        buf[len++] = '\\';
        buf[len++] = letter;
    }

    private void nullableInstant(Instant instant) {
        if (instant == null) {
            raw("null");
        } else {
            instant(instant);
        }
    }

    /**
     * {@link Timestamps#format} as a quoted string: {@code uuuu-MM-dd'T'HH:mm:ss.SSSSSS+00:00}.
     * Years outside 0000..9999, which the formatter writes with a sign, go through it.
     */
    private void instant(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_FOUR_DIGIT_SECOND || seconds > LAST_FOUR_DIGIT_SECOND) {
            raw('"');
            raw(Timestamps.format(instant));
            raw('"');
            return;
        }
        ensure(TIMESTAMP_CHARS);
        if (instant.equals(lastInstant)) {
            System.arraycopy(buf, lastInstantAt, buf, len, TIMESTAMP_CHARS);
            len += TIMESTAMP_CHARS;
            return;
        }
        lastInstant = instant;
        lastInstantAt = len;
        LocalDateTime utc = LocalDateTime.ofEpochSecond(seconds, instant.getNano(), ZoneOffset.UTC);
        buf[len++] = '"';
        digits(utc.getYear(), 4);
        buf[len++] = '-';
        digits(utc.getMonthValue(), 2);
        buf[len++] = '-';
        digits(utc.getDayOfMonth(), 2);
        buf[len++] = 'T';
        digits(utc.getHour(), 2);
        buf[len++] = ':';
        digits(utc.getMinute(), 2);
        buf[len++] = ':';
        digits(utc.getSecond(), 2);
        buf[len++] = '.';
        digits(utc.getNano() / 1000, 6);
        raw("+00:00\"");
    }

    /** A non-negative value zero-padded to exactly {@code width} digits (it must fit). */
    private void digits(int value, int width) {
        for (int i = len + width - 1; i >= len; i--) {
            buf[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        len += width;
    }

    private void raw(String text) {
        int length = text.length();
        ensure(length);
        text.getChars(0, length, buf, len);
        len += length;
    }

    private void raw(char c) {
        ensure(1);
        buf[len++] = c;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
