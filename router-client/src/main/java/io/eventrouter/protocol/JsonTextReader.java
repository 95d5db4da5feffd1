package io.eventrouter.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Reads one frame's JSON text into JSON-P values, more cheaply than a general reader: strings
 * without escapes are cut straight out of the text, and an object that is the value of a
 * member named {@code payload} is only checked and kept as compact text ({@link RawJsonObject})
 * instead of being built into a tree. Every frame passes through here, and a published event's
 * payload is the one part the router never reads.
 *
 * <p>The reader is strict (RFC 8259) and conservative: for any text it does not fully
 * understand (a syntax error, a control character or unknown escape in a string, very deep
 * nesting, a very long number, content after the value) it returns null, and the caller reads
 * the text with Parsson instead, which either accepts it or describes the error. So whatever
 * this reader accepts, Parsson accepts too, with equal values.
 */
final class JsonTextReader {
    private static final JsonProvider JSON = JsonProvider.provider();
    /** Deeper structures go to Parsson, which enforces its own limit. */
    private static final int MAX_DEPTH = 200;
    private static final int MAX_NUMBER_CHARS = 100;
    private static final String PAYLOAD = "payload";
    /**
     * The member names of the protocol's objects, by length. A name read from a frame is
     * replaced by the equal constant, so it costs no allocation and objects find it by identity.
     */
    private static final String[][] KNOWN_NAMES = byLength(
            "type", "event", "request_id", "subscription", "subscription_id", "client_name", "echo",
            "id", "topic", "priority", "source", "target", "payload", "metadata", "timestamp", "version",
            "delivery_status", "delivery_attempts", "last_delivery_attempt", "delivery_error",
            "created_at", "correlation_id", "causation_id", "user_id", "session_id", "trace_id", "span_id",
            "tags", "headers", "topics", "types", "priorities", "sources", "status", "event_id", "reason",
            "client_id", "server_time", "error", "code", "message", "details");

    /** Thrown to abandon the text to Parsson; shared, without a stack trace, as it is not an error. */
    private static final RuntimeException UNSUPPORTED = new RuntimeException("not read here", null, false, false) {
    };

    private final String text;
    private final int end;
    private int at;
    /** Whether whitespace was skipped since the flag was last cleared (to know if raw text needs compacting). */
    private boolean skippedWhitespace;

    private JsonTextReader(String text) {
        this.text = text;
        this.end = text.length();
    }

    /** The value {@code text} holds, or null when it must be read by Parsson instead. */
    static JsonValue read(String text) {
        JsonTextReader reader = new JsonTextReader(text);
        try {
            JsonValue value = reader.value(0);
            reader.skipWhitespace();
            return reader.at == reader.end ? value : null;
        } catch (RuntimeException unsupported) {
            // UNSUPPORTED, or an index past the end of truncated text: Parsson decides.
            return null;
        }
    }

    private JsonValue value(int depth) {
        skipWhitespace();
        char c = peek();
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                at++;
                return JSON.createValue(string());
            case 't':
                literal("true");
                return JsonValue.TRUE;
            case 'f':
                literal("false");
                return JsonValue.FALSE;
            case 'n':
                literal("null");
                return JsonValue.NULL;
            default:
                return number();
        }
    }

    private JsonObject object(int depth) {
        checkDepth(depth);
        at++;
        ParsedJsonObject members = new ParsedJsonObject(8);
        skipWhitespace();
        if (peek() == '}') {
            at++;
            return members;
        }
        while (true) {
            skipWhitespace();
            expect('"');
            String name = name();
            skipWhitespace();
            expect(':');
            JsonValue value;
            skipWhitespace();
            if (peek() == '{' && PAYLOAD.equals(name)) {
                value = rawObject(depth + 1);
            } else {
                value = value(depth);
            }
            members.add(name, value, knownName(name, 0, name.length()) == name);
            skipWhitespace();
            char c = next();
            if (c == '}') {
                return members;
            }
            if (c != ',') {
                throw UNSUPPORTED;
            }
        }
    }

    private JsonValue array(int depth) {
        checkDepth(depth);
        at++;
        var items = JSON.createArrayBuilder();
        skipWhitespace();
        if (peek() == ']') {
            at++;
            return items.build();
        }
        while (true) {
            items.add(value(depth));
            skipWhitespace();
            char c = next();
            if (c == ']') {
                return items.build();
            }
            if (c != ',') {
                throw UNSUPPORTED;
            }
        }
    }

    /** An object checked but kept as text, without the whitespace between its tokens. */
    private RawJsonObject rawObject(int depth) {
        int start = at;
        skippedWhitespace = false;
        skip(depth);
        String json = skippedWhitespace ? compact(text, start, at) : text.substring(start, at);
        return new RawJsonObject(json);
    }

    /** Checks one value and moves past it without building anything. */
    private void skip(int depth) {
        skipWhitespace();
        char c = peek();
        switch (c) {
            case '{' -> skipObject(depth + 1);
            case '[' -> skipArray(depth + 1);
            case '"' -> {
                at++;
                skipString();
            }
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> numberEnd();
        }
    }

    private void skipObject(int depth) {
        checkDepth(depth);
        at++;
        skipWhitespace();
        if (peek() == '}') {
            at++;
            return;
        }
        while (true) {
            skipWhitespace();
            expect('"');
            skipString();
            skipWhitespace();
            expect(':');
            skip(depth);
            skipWhitespace();
            char c = next();
            if (c == '}') {
                return;
            }
            if (c != ',') {
                throw UNSUPPORTED;
            }
        }
    }

    private void skipArray(int depth) {
        checkDepth(depth);
        at++;
        skipWhitespace();
        if (peek() == ']') {
            at++;
            return;
        }
        while (true) {
            skip(depth);
            skipWhitespace();
            char c = next();
            if (c == ']') {
                return;
            }
            if (c != ',') {
                throw UNSUPPORTED;
            }
        }
    }

    /** A member name whose opening quote was read: the known constant when it is one. */
    private String name() {
        // Known names hold no quote, backslash or control character, so a match is the whole name.
        int close = text.indexOf('"', at);
        String known = close > 0 ? knownName(text, at, close - at) : null;
        if (known != null) {
            at = close + 1;
            return known;
        }
        // Written with escapes, or not a protocol name: decoded, then still the constant if
        // it is one, so that equal names are always the same instance.
        String name = string();
        known = knownName(name, 0, name.length());
        return known != null ? known : name;
    }

    /** The protocol's constant for the name {@code length} characters long at {@code start}, or null. */
    private static String knownName(String text, int start, int length) {
        if (length >= KNOWN_NAMES.length) {
            return null;
        }
        for (String known : KNOWN_NAMES[length]) {
            if (text.startsWith(known, start)) {
                return known;
            }
        }
        return null;
    }

    /** The rest of a string whose opening quote was read; escapes decoded. */
    private String string() {
        int start = at;
        while (true) {
            char c = next();
            if (c == '"') {
                return text.substring(start, at - 1);
            }
            if (c == '\\') {
                at--;
                return escapedString(start);
            }
            if (c < 0x20) {
                throw UNSUPPORTED;
            }
        }
    }

    private String escapedString(int start) {
        StringBuilder out = new StringBuilder(at - start + 16);
        out.append(text, start, at);
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw UNSUPPORTED;
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escape = next();
            switch (escape) {
                case '"', '\\', '/' -> out.append(escape);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append((char) hex4());
                default -> throw UNSUPPORTED;
            }
        }
    }

    private void skipString() {
        while (true) {
            char c = next();
            if (c == '"') {
                return;
            }
            if (c < 0x20) {
                throw UNSUPPORTED;
            }
            if (c == '\\') {
                char escape = next();
                switch (escape) {
                    case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                        // a valid one-character escape
                    }
                    case 'u' -> hex4();
                    default -> throw UNSUPPORTED;
                }
            }
        }
    }

    private int hex4() {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(next(), 16);
            if (digit < 0) {
                throw UNSUPPORTED;
            }
            value = value << 4 | digit;
        }
        return value;
    }

    private JsonValue number() {
        int start = at;
        boolean integral = numberEnd();
        int length = at - start;
        int digits = text.charAt(start) == '-' ? length - 1 : length;
        if (integral && digits <= 9) {
            return JSON.createValue(Integer.parseInt(text, start, at, 10));
        }
        if (integral && digits <= 18) {
            return JSON.createValue(Long.parseLong(text, start, at, 10));
        }
        return JSON.createValue(new BigDecimal(text.substring(start, at)));
    }

    /**
     * Moves past a number: {@code -? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?}.
     *
     * @return whether it has neither fraction nor exponent
     */
    private boolean numberEnd() {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        char first = next();
        if (first == '0') {
            if (at < end && isDigit(text.charAt(at))) {
                throw UNSUPPORTED;
            }
        } else if (first >= '1' && first <= '9') {
            skipDigits();
        } else {
            throw UNSUPPORTED;
        }
        boolean integral = true;
        if (at < end && text.charAt(at) == '.') {
            at++;
            requireDigits();
            integral = false;
        }
        if (at < end && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            at++;
            if (at < end && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
                at++;
            }
            requireDigits();
            integral = false;
        }
        if (at - start > MAX_NUMBER_CHARS) {
            throw UNSUPPORTED;
        }
        return integral;
    }

    private void requireDigits() {
        if (at >= end || !isDigit(text.charAt(at))) {
            throw UNSUPPORTED;
        }
        skipDigits();
    }

    private void skipDigits() {
        while (at < end && isDigit(text.charAt(at))) {
            at++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void literal(String word) {
        if (!text.startsWith(word, at)) {
            throw UNSUPPORTED;
        }
        at += word.length();
    }

    private void skipWhitespace() {
        int from = at;
        while (at < end) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                break;
            }
            at++;
        }
        skippedWhitespace |= at > from;
    }

    private static void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw UNSUPPORTED;
        }
    }

    private void expect(char c) {
        if (next() != c) {
            throw UNSUPPORTED;
        }
    }

    private char peek() {
        if (at >= end) {
            throw UNSUPPORTED;
        }
        return text.charAt(at);
    }

    private char next() {
        if (at >= end) {
            throw UNSUPPORTED;
        }
        return text.charAt(at++);
    }

    private static String[][] byLength(String... names) {
        int longest = 0;
        for (String name : names) {
            longest = Math.max(longest, name.length());
        }
        String[][] table = new String[longest + 1][];
        for (int length = 0; length <= longest; length++) {
            final int size = length;
            table[length] = Arrays.stream(names).filter(name -> name.length() == size).toArray(String[]::new);
        }
        return table;
    }

    /** {@code text[start, end)} without whitespace outside strings. */
    private static String compact(String text, int start, int end) {
        StringBuilder out = new StringBuilder(end - start);
        boolean inString = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\') {
                    out.append(text.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
