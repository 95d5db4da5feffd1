package io.eventrouter.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

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

    /** Thrown to abandon the text to Parsson; shared, without a stack trace, as it is not an error. */
    private static final RuntimeException UNSUPPORTED = new RuntimeException("not read here", null, false, false) {
    };

    /** Frames up to this many characters are scanned in a buffer kept per thread. */
    private static final int MAX_RETAINED_CHARS = 64 * 1024;
    private static final ThreadLocal<char[]> SCRATCH = ThreadLocal.withInitial(() -> new char[256]);
    private static final ThreadLocal<Members> MEMBERS = ThreadLocal.withInitial(Members::new);

    /**
     * The text's characters from {@link #at} to {@link #end}, scanned as an array: indexing one
     * is cheaper than {@code charAt}, which checks bounds and the string's coding on every
     * call. Either the array behind the {@link CharBuffer} given, or this thread's copy of the
     * string given; nothing reads at or past {@link #end}.
     */
    private final char[] chars;
    private final int end;
    /** The members of the objects being read, innermost last; this thread's, emptied per frame. */
    private final Members members = MEMBERS.get().clear();
    private int at;
    /** Whether whitespace was skipped since the flag was last cleared (to know if raw text needs compacting). */
    private boolean skippedWhitespace;
    /** The {@link ProtocolNames#ordinal} of the name {@link #name()} last returned; -1 if not a protocol name. */
    private int nameOrdinal;

    private JsonTextReader(CharSequence text) {
        if (text instanceof CharBuffer buffer && buffer.hasArray()) {
            chars = buffer.array();
            at = buffer.arrayOffset() + buffer.position();
            end = at + buffer.remaining();
        } else {
            String string = text.toString();
            end = string.length();
            chars = scratch(end);
            string.getChars(0, end, chars, 0);
        }
    }

    private static char[] scratch(int length) {
        if (length > MAX_RETAINED_CHARS) {
            return new char[length];
        }
        char[] chars = SCRATCH.get();
        if (chars.length < length) {
            chars = new char[Math.max(length, chars.length * 2)];
            SCRATCH.set(chars);
        }
        return chars;
    }

    /**
     * The value {@code text} holds, or null when it must be read by Parsson instead. Nothing
     * read keeps a reference to {@code text}, so a reused buffer may be passed.
     */
    static JsonValue read(CharSequence text) {
        JsonTextReader reader = new JsonTextReader(text);
        try {
            JsonValue value = reader.value(0);
            reader.skipWhitespace();
            return reader.at == reader.end ? value : null;
        } catch (RuntimeException unsupported) {
            // UNSUPPORTED, or an index past the end of truncated text: Parsson decides.
            return null;
        } finally {
            reader.members.release();
        }
    }

    /** A publish frame as {@link #readPublish} reads it: its request id and its event's members. */
    record ScannedPublish(String requestId, ScannedFields event) {}

    /**
     * A publish frame read without building a tree: its request id and the event members the
     * event reader asks for. Null for any other frame, and for a publish holding anything
     * this does not read or the event reader would reject by type (a duplicate member, a
     * number where a string belongs, a fraction for a priority...): the caller then reads the
     * frame the usual way, which accepts it or words the error. Every publish passes here,
     * and building its tree took half of the time spent reading it.
     */
    static ScannedPublish readPublish(CharSequence text) {
        JsonTextReader reader = new JsonTextReader(text);
        try {
            ScannedPublish publish = reader.publish();
            reader.skipWhitespace();
            return reader.at == reader.end ? publish : null;
        } catch (RuntimeException unsupported) {
            return null;
        } finally {
            reader.members.release();
        }
    }

    private ScannedPublish publish() {
        skipWhitespace();
        expect('{');
        String requestId = null;
        ScannedFields event = null;
        boolean typed = false;
        boolean identified = false;
        while (true) {
            skipWhitespace();
            expect('"');
            String name = name();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            if (name.equals("type") && !typed) {
                typed = true;
                expect('"');
                if (!string().equals("publish")) {
                    throw UNSUPPORTED;
                }
            } else if (name.equals("request_id") && !identified) {
                identified = true;
                Object id = scalar(ScannedFields.Kind.STRING);
                requestId = id == ScannedFields.NULL ? null : (String) id;
            } else if (name.equals("event") && event == null && peek() == '{') {
                event = ScannedFields.event();
                scanObject(event, 2);
            } else if (name.equals("type") || name.equals("request_id") || name.equals("event")) {
                throw UNSUPPORTED;
            } else {
                skip(1);
            }
            skipWhitespace();
            char c = next();
            if (c == '}') {
                break;
            }
            if (c != ',') {
                throw UNSUPPORTED;
            }
        }
        if (!typed || event == null) {
            throw UNSUPPORTED;
        }
        event.requestId(requestId);
        return new ScannedPublish(requestId, event);
    }

    /** The members of an event or metadata object whose opening brace is next, into {@code into}. */
    private void scanObject(ScannedFields into, int depth) {
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
            name();
            int ordinal = nameOrdinal;
            skipWhitespace();
            expect(':');
            skipWhitespace();
            ScannedFields.Kind kind = into.kind(ordinal);
            if (kind == ScannedFields.Kind.IGNORED) {
                skip(depth);
            } else if (!into.put(ordinal, member(kind, into, depth))) {
                throw UNSUPPORTED;
            }
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

    /** A member's value of the given kind, or {@link ScannedFields#NULL}; anything else is unsupported. */
    private Object member(ScannedFields.Kind kind, ScannedFields owner, int depth) {
        if (peek() == 'n') {
            literal("null");
            return ScannedFields.NULL;
        }
        switch (kind) {
            case PAYLOAD:
                if (peek() != '{') {
                    throw UNSUPPORTED;
                }
                return rawObject(depth + 1);
            case METADATA:
                if (peek() != '{') {
                    throw UNSUPPORTED;
                }
                ScannedFields metadata = owner.metadata();
                scanObject(metadata, depth + 1);
                return metadata;
            case STRING_MAP:
                return stringMap(depth + 1);
            default:
                return scalar(kind);
        }
    }

    /** A string or an int-sized integer literal (as {@code kind} says), or {@link ScannedFields#NULL}. */
    private Object scalar(ScannedFields.Kind kind) {
        char c = peek();
        if (c == 'n') {
            literal("null");
            return ScannedFields.NULL;
        }
        if (kind == ScannedFields.Kind.STRING && c == '"') {
            at++;
            return string();
        }
        if (kind == ScannedFields.Kind.INTEGER && (c == '-' || isDigit(c))) {
            int start = at;
            boolean integral = numberEnd();
            int digits = chars[start] == '-' ? at - start - 1 : at - start;
            if (integral && digits <= 9) {
                return (int) integer(start, at);
            }
        }
        throw UNSUPPORTED;
    }

    /** An object of strings whose opening brace is next, in member order; a repeated name is unsupported. */
    private Map<String, String> stringMap(int depth) {
        checkDepth(depth);
        expect('{');
        skipWhitespace();
        if (peek() == '}') {
            at++;
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        while (true) {
            skipWhitespace();
            expect('"');
            String name = name();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            expect('"');
            if (map.put(name, string()) != null) {
                throw UNSUPPORTED;
            }
            skipWhitespace();
            char c = next();
            if (c == '}') {
                return map;
            }
            if (c != ',') {
                throw UNSUPPORTED;
            }
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
        int base = members.top;
        // The protocol names this object has had, by ordinal: a repeat is then found without a scan.
        long seen = 0;
        skipWhitespace();
        if (peek() == '}') {
            at++;
            return members.pop(base);
        }
        while (true) {
            skipWhitespace();
            expect('"');
            String name = name();
            int ordinal = nameOrdinal;
            skipWhitespace();
            expect(':');
            JsonValue value;
            skipWhitespace();
            if (peek() == '{' && PAYLOAD.equals(name)) {
                value = rawObject(depth + 1);
            } else {
                value = value(depth);
            }
            if (ordinal >= 0) {
                long bit = 1L << ordinal;
                members.add(base, name, value, (seen & bit) != 0, true);
                seen |= bit;
            } else {
                members.add(base, name, value, true, false);
            }
            skipWhitespace();
            char c = next();
            if (c == '}') {
                return members.pop(base);
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
        String json = skippedWhitespace ? compact(chars, start, at) : new String(chars, start, at - start);
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

    /** A member name whose opening quote was read: the protocol's constant when it is one. */
    private String name() {
        // Protocol names hold no escape or control character: scan for the quote, hashing as
        // String.hashCode does, and look the name up once.
        int start = at;
        int hash = 0;
        for (int i = start; i < end; i++) {
            char c = chars[i];
            if (c == '"') {
                int slot = ProtocolNames.find(chars, start, i - start, hash);
                if (slot >= 0) {
                    at = i + 1;
                    nameOrdinal = ProtocolNames.ordinal(slot);
                    return ProtocolNames.name(slot);
                }
                break;
            }
            if (c == '\\' || c < 0x20) {
                break;
            }
            hash = 31 * hash + c;
        }
        // Written with escapes, or not a protocol name: decoded, then still the constant if
        // it is one, so that equal names are always the same instance.
        String name = string();
        int slot = ProtocolNames.find(name);
        nameOrdinal = slot < 0 ? -1 : ProtocolNames.ordinal(slot);
        return slot < 0 ? name : ProtocolNames.name(slot);
    }

    /** The rest of a string whose opening quote was read; escapes decoded. */
    private String string() {
        int start = at;
        // Scanned with a local index: the hottest loop of the reader.
        for (int i = start; i < end; i++) {
            char c = chars[i];
            if (c == '"') {
                at = i + 1;
                return new String(chars, start, i - start);
            }
            if (c == '\\') {
                at = i;
                return escapedString(start);
            }
            if (c < 0x20) {
                throw UNSUPPORTED;
            }
        }
        throw UNSUPPORTED;
    }

    private String escapedString(int start) {
        StringBuilder out = new StringBuilder(at - start + 16);
        out.append(chars, start, at - start);
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
        int i = at;
        while (i < end) {
            char c = chars[i++];
            if (c == '"') {
                at = i;
                return;
            }
            if (c < 0x20) {
                throw UNSUPPORTED;
            }
            if (c == '\\') {
                at = i;
                skipEscape();
                i = at;
            }
        }
        throw UNSUPPORTED;
    }

    /** The rest of an escape sequence whose backslash was read. */
    private void skipEscape() {
        switch (next()) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                // a valid one-character escape
            }
            case 'u' -> hex4();
            default -> throw UNSUPPORTED;
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
        int digits = chars[start] == '-' ? length - 1 : length;
        if (integral && digits <= 9) {
            return JSON.createValue((int) integer(start, at));
        }
        if (integral && digits <= 18) {
            return JSON.createValue(integer(start, at));
        }
        return JSON.createValue(new BigDecimal(chars, start, at - start));
    }

    /** The checked integer of at most 18 digits at {@code [start, stop)}: it fits a long. */
    private long integer(int start, int stop) {
        boolean negative = chars[start] == '-';
        long value = 0;
        for (int i = negative ? start + 1 : start; i < stop; i++) {
            value = value * 10 + (chars[i] - '0');
        }
        return negative ? -value : value;
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
            if (at < end && isDigit(chars[at])) {
                throw UNSUPPORTED;
            }
        } else if (first >= '1' && first <= '9') {
            skipDigits();
        } else {
            throw UNSUPPORTED;
        }
        boolean integral = true;
        if (at < end && chars[at] == '.') {
            at++;
            requireDigits();
            integral = false;
        }
        if (at < end && (chars[at] == 'e' || chars[at] == 'E')) {
            at++;
            if (at < end && (chars[at] == '+' || chars[at] == '-')) {
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
        if (at >= end || !isDigit(chars[at])) {
            throw UNSUPPORTED;
        }
        skipDigits();
    }

    private void skipDigits() {
        int i = at;
        while (i < end && isDigit(chars[i])) {
            i++;
        }
        at = i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void literal(String word) {
        int length = word.length();
        if (end - at < length) {
            throw UNSUPPORTED;
        }
        for (int i = 0; i < length; i++) {
            if (chars[at + i] != word.charAt(i)) {
                throw UNSUPPORTED;
            }
        }
        at += word.length();
    }

    private void skipWhitespace() {
        int i = at;
        while (i < end) {
            char c = chars[i];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                break;
            }
            i++;
        }
        if (i > at) {
            skippedWhitespace = true;
            at = i;
        }
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
        return chars[at];
    }

    private char next() {
        if (at >= end) {
            throw UNSUPPORTED;
        }
        return chars[at++];
    }

    /** {@code text[start, end)} without whitespace outside strings. */
    private static String compact(char[] text, int start, int end) {
        StringBuilder out = new StringBuilder(end - start);
        boolean inString = false;
        for (int i = start; i < end; i++) {
            char c = text[i];
            if (inString) {
                out.append(c);
                if (c == '\\') {
                    out.append(text[++i]);
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

    /**
     * The members of the objects under construction, as one stack: an object's members sit
     * from where the stack stood when it opened, and leave in one exact-size pair of arrays
     * when it closes. So each object allocates what it holds and nothing more, instead of
     * growing arrays of its own while it is read.
     */
    private static final class Members {
        /** Enough for a subscribe; a publish (about 25 members open at once) doubles it once. */
        private static final int INITIAL = 16;
        private static final int MAX_RETAINED = 1024;
        private static final String[] NO_NAMES = {};
        private static final JsonValue[] NO_VALUES = {};
        private String[] names = new String[INITIAL];
        private JsonValue[] values = new JsonValue[INITIAL];
        private int top;
        /** The highest {@link #top} since the last release: the slots that may still hold values. */
        private int used;

        Members clear() {
            release();
            return this;
        }

        /** Lets go of every value a frame left here, at once rather than object by object. */
        void release() {
            if (names.length > MAX_RETAINED) {
                names = new String[INITIAL];
                values = new JsonValue[INITIAL];
            } else {
                Arrays.fill(names, 0, used, null);
                Arrays.fill(values, 0, used, null);
            }
            top = 0;
            used = 0;
        }

        /**
         * Adds a member to the object whose members start at {@code base}; a duplicate name
         * replaces the earlier value in its place, as Parsson does.
         *
         * @param mayRepeat whether an earlier member may have this name; if not, none is looked for
         * @param canonical whether {@code name} is a {@link ProtocolNames} constant: then an
         *     earlier member of that name is the same instance, and identity is enough
         */
        void add(int base, String name, JsonValue value, boolean mayRepeat, boolean canonical) {
            for (int i = mayRepeat ? top - 1 : base - 1; i >= base; i--) {
                if (names[i] == name || !canonical && names[i].equals(name)) {
                    values[i] = value;
                    return;
                }
            }
            if (top == names.length) {
                names = Arrays.copyOf(names, top * 2);
                values = Arrays.copyOf(values, top * 2);
            }
            names[top] = name;
            values[top++] = value;
            used = Math.max(used, top);
        }

        /** The object whose members start at {@code base}, taken off the stack. */
        ParsedJsonObject pop(int base) {
            if (top == base) {
                return new ParsedJsonObject(NO_NAMES, NO_VALUES);
            }
            String[] objectNames = Arrays.copyOfRange(names, base, top);
            JsonValue[] objectValues = Arrays.copyOfRange(values, base, top);
            // The slots keep their values until the frame is read: release() empties them all.
            top = base;
            return new ParsedJsonObject(objectNames, objectValues);
        }
    }
}
