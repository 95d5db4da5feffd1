package io.eventrouter.protocol;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Writes the event object straight into a {@link StringBuilder}: the dispatcher's one
 * serialization per routed event. The output is character for character what
 * {@link EventCodec#write} produces through the JSON-P generator (same keys in the same order,
 * same escaping, numbers as {@link jakarta.json.JsonNumber#toString()}); it skips the
 * generator's context bookkeeping, its synchronized {@code StringWriter} and the
 * {@code DateTimeFormatter}. Keep the two in step; a test compares them.
 */
final class EventJson {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final String[] STATUS_NAMES = new String[DeliveryStatus.values().length];
    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the years written as four plain digits. */
    private static final long FIRST_FOUR_DIGIT_SECOND = -62_167_219_200L;
    private static final long LAST_FOUR_DIGIT_SECOND = 253_402_300_799L;

    static {
        for (DeliveryStatus status : DeliveryStatus.values()) {
            STATUS_NAMES[status.ordinal()] = status.wireName();
        }
    }

    private EventJson() {}

    static String encode(Event event) {
        StringBuilder out = new StringBuilder(1024);
        out.append("{\"id\":");
        string(out, event.id());
        out.append(",\"topic\":");
        string(out, event.topic());
        out.append(",\"type\":");
        string(out, event.type());
        out.append(",\"priority\":").append(event.priority());
        out.append(",\"source\":");
        string(out, event.source());
        out.append(",\"target\":");
        nullableString(out, event.target());
        out.append(",\"payload\":");
        object(out, event.payload());
        out.append(",\"metadata\":");
        metadata(out, event.metadata());
        out.append(",\"timestamp\":");
        timestamp(out, event.timestamp());
        out.append(",\"version\":");
        string(out, event.version());
        out.append(",\"delivery_status\":");
        string(out, STATUS_NAMES[event.deliveryStatus().ordinal()]);
        out.append(",\"delivery_attempts\":").append(event.deliveryAttempts());
        out.append(",\"last_delivery_attempt\":");
        nullableTimestamp(out, event.lastDeliveryAttempt());
        out.append(",\"delivery_error\":");
        nullableString(out, event.deliveryError());
        return out.append('}').toString();
    }

    private static void metadata(StringBuilder out, EventMetadata metadata) {
        out.append("{\"created_at\":");
        nullableTimestamp(out, metadata.createdAt());
        out.append(",\"correlation_id\":");
        nullableString(out, metadata.correlationId());
        out.append(",\"causation_id\":");
        nullableString(out, metadata.causationId());
        out.append(",\"user_id\":");
        nullableString(out, metadata.userId());
        out.append(",\"session_id\":");
        nullableString(out, metadata.sessionId());
        out.append(",\"trace_id\":");
        nullableString(out, metadata.traceId());
        out.append(",\"span_id\":");
        nullableString(out, metadata.spanId());
        out.append(",\"tags\":");
        stringMap(out, metadata.tags());
        out.append(",\"headers\":");
        stringMap(out, metadata.headers());
        out.append('}');
    }

    /** Iterated with forEach, as EventCodec does: Map.copyOf's order is only fixed per JVM run. */
    private static void stringMap(StringBuilder out, Map<String, String> map) {
        out.append('{');
        int open = out.length();
        map.forEach((key, value) -> {
            if (out.length() > open) {
                out.append(',');
            }
            string(out, key);
            out.append(':');
            string(out, value);
        });
        out.append('}');
    }

    private static void object(StringBuilder out, JsonObject object) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonValue> member : object.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, member.getKey());
            out.append(':');
            value(out, member.getValue(), true);
        }
        out.append('}');
    }

    private static void array(StringBuilder out, JsonArray array) {
        out.append('[');
        boolean first = true;
        for (JsonValue item : array) {
            if (!first) {
                out.append(',');
            }
            first = false;
            value(out, item, false);
        }
        out.append(']');
    }

    /** As the generator: a member's string is read with getChars(), an array item's with getString(). */
    private static void value(StringBuilder out, JsonValue value, boolean member) {
        switch (value.getValueType()) {
            case OBJECT -> object(out, (JsonObject) value);
            case ARRAY -> array(out, (JsonArray) value);
            case STRING -> {
                JsonString text = (JsonString) value;
                string(out, member ? text.getChars() : text.getString());
            }
            case NUMBER -> out.append(value.toString());
            case TRUE -> out.append("true");
            case FALSE -> out.append("false");
            case NULL -> out.append("null");
            default -> throw new IllegalStateException("unknown JSON value type " + value.getValueType());
        }
    }

    private static void nullableString(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
        } else {
            string(out, value);
        }
    }

    /**
     * A JSON string literal escaped as the generator escapes: quote, backslash and the control
     * characters below U+0020 ({@code \b \f \n \r \t}, else a six-character hex escape); nothing else.
     */
    static void string(StringBuilder out, CharSequence value) {
        out.append('"');
        int length = value.length();
        int start = 0;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(value, start, i);
            start = i + 1;
            switch (c) {
                case '"', '\\' -> out.append('\\').append(c);
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        if (start == 0) {
            out.append(value);
        } else {
            out.append(value, start, length);
        }
        out.append('"');
    }

    private static void nullableTimestamp(StringBuilder out, Instant instant) {
        if (instant == null) {
            out.append("null");
        } else {
            timestamp(out, instant);
        }
    }

    /**
     * {@link Timestamps#format} as a quoted string: {@code uuuu-MM-dd'T'HH:mm:ss.SSSSSS+00:00}.
     * Years outside 0000..9999, which the formatter writes with a sign, go through it.
     */
    static void timestamp(StringBuilder out, Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_FOUR_DIGIT_SECOND || seconds > LAST_FOUR_DIGIT_SECOND) {
            out.append('"').append(Timestamps.format(instant)).append('"');
            return;
        }
        LocalDateTime utc = LocalDateTime.ofEpochSecond(seconds, instant.getNano(), ZoneOffset.UTC);
        out.append('"');
        digits(out, utc.getYear(), 4);
        out.append('-');
        digits(out, utc.getMonthValue(), 2);
        out.append('-');
        digits(out, utc.getDayOfMonth(), 2);
        out.append('T');
        digits(out, utc.getHour(), 2);
        out.append(':');
        digits(out, utc.getMinute(), 2);
        out.append(':');
        digits(out, utc.getSecond(), 2);
        out.append('.');
        digits(out, utc.getNano() / 1000, 6);
        out.append("+00:00\"");
    }

    /** A non-negative value zero-padded to exactly {@code width} digits (it must fit). */
    private static void digits(StringBuilder out, int value, int width) {
        for (int divisor = pow10(width - 1); divisor > 0; divisor /= 10) {
            out.append((char) ('0' + value / divisor % 10));
        }
    }

    private static int pow10(int exponent) {
        int result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= 10;
        }
        return result;
    }
}
