package io.eventrouter.bench;

import java.nio.charset.StandardCharsets;

/**
 * Byte-level scanning of the JSON frames the generator and the raw server exchange. Both sides
 * only look for fixed keys in frames whose layout they know, so a few searches replace a JSON
 * parser on the hot path.
 */
final class Ascii {
    private Ascii() {}

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String string(byte[] data, int from, int to) {
        return new String(data, from, to - from, StandardCharsets.UTF_8);
    }

    static boolean startsWith(byte[] data, int length, byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Index of the first occurrence of {@code pattern} in {@code data[from, to)}, or -1. */
    static int indexOf(byte[] data, int from, int to, byte[] pattern) {
        byte first = pattern[0];
        int last = to - pattern.length;
        outer:
        for (int i = Math.max(0, from); i <= last; i++) {
            if (data[i] != first) {
                continue;
            }
            for (int j = 1; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * Parses the non-negative decimal integer starting at {@code at}; -1 if there is no digit
     * there.
     */
    static long parseLong(byte[] data, int at, int to) {
        long value = 0;
        int i = at;
        while (i < to && data[i] >= '0' && data[i] <= '9') {
            value = value * 10 + (data[i] - '0');
            i++;
        }
        return i == at ? -1 : value;
    }

    /** The value after {@code key} ({@code "key":}), which must be a number; -1 if absent. */
    static long numberAfter(byte[] data, int from, int to, byte[] key) {
        int at = indexOf(data, from, to, key);
        return at < 0 ? -1 : parseLong(data, at + key.length, to);
    }

    /**
     * End (exclusive) of the JSON value that starts at {@code start}: an object, array, string
     * or scalar. Strings are skipped with their escapes; -1 if the value is not closed.
     */
    static int endOfValue(byte[] data, int start, int to) {
        if (start >= to) {
            return -1;
        }
        byte first = data[start];
        if (first == '"') {
            return endOfString(data, start, to);
        }
        if (first != '{' && first != '[') {
            int i = start;
            while (i < to && data[i] != ',' && data[i] != '}' && data[i] != ']') {
                i++;
            }
            return i;
        }
        int depth = 0;
        for (int i = start; i < to; i++) {
            byte b = data[i];
            if (b == '"') {
                i = endOfString(data, i, to) - 1;
                if (i < 0) {
                    return -1;
                }
            } else if (b == '{' || b == '[') {
                depth++;
            } else if (b == '}' || b == ']') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    private static int endOfString(byte[] data, int start, int to) {
        for (int i = start + 1; i < to; i++) {
            if (data[i] == '\\') {
                i++;
            } else if (data[i] == '"') {
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * The JSON value of top-level-looking {@code "key":} in {@code data[from, to)}, as
     * {@code {start, end}}, or null. The first occurrence wins, so callers search keys that
     * appear once or first.
     */
    static int[] valueOf(byte[] data, int from, int to, byte[] key) {
        int at = indexOf(data, from, to, key);
        if (at < 0) {
            return null;
        }
        int start = at + key.length;
        while (start < to && data[start] == ' ') {
            start++;
        }
        int end = endOfValue(data, start, to);
        return end < 0 ? null : new int[] {start, end};
    }
}
