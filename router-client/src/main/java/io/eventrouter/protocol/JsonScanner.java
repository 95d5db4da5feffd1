package io.eventrouter.protocol;

import java.nio.CharBuffer;
import java.util.Arrays;

/**
 * Scans one frame's JSON text for the readers that build something from it ({@link
 * JsonTextReader}, {@link PublishScanner}): names, strings, numbers and literals, and values
 * only checked, or kept as compact raw text. Strings without escapes are cut straight out of
 * the text.
 *
 * <p>Strict (RFC 8259) and conservative: on anything it does not fully understand (a syntax
 * error, a control character or unknown escape in a string, very deep nesting, a very long
 * number) it throws {@link #UNSUPPORTED}, and the reader gives the text up to a slower path
 * that accepts it or describes the error.
 */
abstract class JsonScanner {
    /** Deeper structures go to Parsson, which enforces its own limit. */
    static final int MAX_DEPTH = 200;
    static final int MAX_NUMBER_CHARS = 100;

    /** Thrown to abandon the text to Parsson; shared, without a stack trace, as it is not an error. */
    static final RuntimeException UNSUPPORTED = new RuntimeException("not read here", null, false, false) {
    };

    /** Frames up to this many characters are scanned in a buffer kept per thread. */
    private static final int MAX_RETAINED_CHARS = 64 * 1024;
    /** Empty until a thread reads its first string, then as large as the largest it has read. */
    private static final ThreadLocal<char[]> SCRATCH = ThreadLocal.withInitial(() -> new char[0]);

    /**
     * The text's characters from {@link #at} to {@link #end}, scanned as an array: indexing one
     * is cheaper than {@code charAt}, which checks bounds and the string's coding on every
     * call. Either the array behind the {@link CharBuffer} given, or this thread's copy of the
     * string given; nothing reads at or past {@link #end}.
     */
    final char[] chars;
    final int end;
    int at;
    /** Whether whitespace was skipped since the flag was last cleared (to know if raw text needs compacting). */
    boolean skippedWhitespace;
    /**
     * Whether a string skipped since the flag was last cleared held a character outside ASCII;
     * nothing else in JSON text can, so raw text read without it is its own UTF-8.
     */
    boolean skippedNonAscii;
    /** The {@link ProtocolNames#ordinal} of the name {@link #name()} last returned; -1 if not a protocol name. */
    int nameOrdinal;

    JsonScanner(CharSequence text) {
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

    /** Whether nothing but whitespace is left after what was read. */
    boolean atEnd() {
        skipWhitespace();
        return at == end;
    }

    /** An object checked but kept as text, without the whitespace between its tokens. */
    RawJsonObject rawObject(int depth) {
        int start = at;
        skippedWhitespace = false;
        skippedNonAscii = false;
        skip(depth);
        String json = skippedWhitespace ? compact(chars, start, at) : new String(chars, start, at - start);
        return new RawJsonObject(json, !skippedNonAscii);
    }

    /** Checks one value and moves past it without building anything. */
    void skip(int depth) {
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

    void skipObject(int depth) {
        if (!openObject(depth)) {
            return;
        }
        do {
            skipWhitespace();
            expect('"');
            skipString();
            skipWhitespace();
            expect(':');
            skip(depth);
        } while (nextMember());
    }

    /**
     * Moves past an object's opening brace, which must be next; false when the object is empty,
     * its closing brace read too.
     */
    boolean openObject(int depth) {
        checkDepth(depth);
        expect('{');
        skipWhitespace();
        if (peek() == '}') {
            at++;
            return false;
        }
        return true;
    }

    /**
     * A member's name, read up to the start of its value, past the colon and any whitespace;
     * {@link #nameOrdinal} tells whether it is a protocol name.
     */
    String memberName() {
        return memberName(-1);
    }

    /**
     * As {@link #memberName()}, checking first whether the name is the protocol name with
     * ordinal {@code expected} (-1: no guess), which costs one comparison instead of hashing and
     * a lookup when the guess is right.
     */
    String memberName(int expected) {
        skipWhitespace();
        expect('"');
        String name = expected >= 0 && nameIs(expected) ? ProtocolNames.nameOf(expected) : name();
        skipWhitespace();
        expect(':');
        skipWhitespace();
        return name;
    }

    /** After a member's value: true when a comma announces another member, false at the closing brace. */
    boolean nextMember() {
        skipWhitespace();
        char c = next();
        if (c == '}') {
            return false;
        }
        if (c != ',') {
            throw UNSUPPORTED;
        }
        return true;
    }

    void skipArray(int depth) {
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

    /** Whether the name whose opening quote was read is the one with this ordinal; if so, reads it. */
    private boolean nameIs(int ordinal) {
        char[] known = ProtocolNames.charsOf(ordinal);
        int close = at + known.length;
        if (close >= end || chars[close] != '"' || !Arrays.equals(known, 0, known.length, chars, at, close)) {
            return false;
        }
        at = close + 1;
        nameOrdinal = ordinal;
        return true;
    }

    /** A member name whose opening quote was read: the protocol's constant when it is one. */
    String name() {
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
    String string() {
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

    String escapedString(int start) {
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

    void skipString() {
        int i = at;
        while (i < end) {
            char c = chars[i++];
            if (c == '"') {
                at = i;
                return;
            }
            if (c == '\\') {
                at = i;
                skipEscape();
                i = at;
            } else if ((char) (c - 0x20) >= 0x60) {
                // Outside ' ' to DEL, in one comparison: a control character, or not ASCII.
                if (c < 0x20) {
                    throw UNSUPPORTED;
                }
                skippedNonAscii = true;
            }
        }
        throw UNSUPPORTED;
    }

    /** The rest of an escape sequence whose backslash was read. */
    void skipEscape() {
        switch (next()) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                // a valid one-character escape
            }
            case 'u' -> hex4();
            default -> throw UNSUPPORTED;
        }
    }

    int hex4() {
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

    /** The checked integer of at most 18 digits at {@code [start, stop)}: it fits a long. */
    long integer(int start, int stop) {
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
    boolean numberEnd() {
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

    void requireDigits() {
        if (at >= end || !isDigit(chars[at])) {
            throw UNSUPPORTED;
        }
        skipDigits();
    }

    void skipDigits() {
        int i = at;
        while (i < end && isDigit(chars[i])) {
            i++;
        }
        at = i;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    void literal(String word) {
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

    void skipWhitespace() {
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

    static void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw UNSUPPORTED;
        }
    }

    void expect(char c) {
        if (next() != c) {
            throw UNSUPPORTED;
        }
    }

    char peek() {
        if (at >= end) {
            throw UNSUPPORTED;
        }
        return chars[at];
    }

    char next() {
        if (at >= end) {
            throw UNSUPPORTED;
        }
        return chars[at++];
    }

    /** {@code text[start, end)} without whitespace outside strings. */
    static String compact(char[] text, int start, int end) {
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
}
