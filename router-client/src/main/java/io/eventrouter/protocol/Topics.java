package io.eventrouter.protocol;

/**
 * Rules for topic names and subscription patterns. Topics are dot-separated non-empty
 * segments; patterns may also use {@code *} (exactly one segment) and {@code #} (zero or more
 * segments) as whole segments.
 */
public final class Topics {
    public static final String SINGLE_WILDCARD = "*";
    public static final String MULTI_WILDCARD = "#";

    private Topics() {}

    /** Throws {@link IllegalArgumentException} naming the problem when {@code topic} is invalid. */
    public static String requireValidTopic(String topic) {
        requireSegments(topic, "topic");
        // Every event passes here: one scan, no segment strings.
        for (int i = 0; i < topic.length(); i++) {
            char c = topic.charAt(i);
            if (c == '*' || c == '#') {
                throw new IllegalArgumentException(
                        "topic '" + topic + "' must not contain wildcards ('*' or '#')");
            }
        }
        return topic;
    }

    /** Throws {@link IllegalArgumentException} naming the problem when {@code pattern} is invalid. */
    public static String requireValidPattern(String pattern) {
        requireSegments(pattern, "pattern");
        for (String segment : split(pattern)) {
            boolean wildcard = segment.equals(SINGLE_WILDCARD) || segment.equals(MULTI_WILDCARD);
            if (!wildcard && (segment.contains(SINGLE_WILDCARD) || segment.contains(MULTI_WILDCARD))) {
                throw new IllegalArgumentException("pattern '" + pattern
                        + "': wildcards must be a whole segment, found '" + segment + "'");
            }
        }
        return pattern;
    }

    /** {@code *} alone matches every topic (V2 rule), as does {@code #} alone. */
    public static boolean isMatchAll(String pattern) {
        return pattern.equals(SINGLE_WILDCARD) || pattern.equals(MULTI_WILDCARD);
    }

    public static boolean isPattern(String topicOrPattern) {
        return topicOrPattern.contains(SINGLE_WILDCARD) || topicOrPattern.contains(MULTI_WILDCARD);
    }

    /**
     * Splits on '.' keeping empty segments (String.split would drop trailing ones). The router
     * splits every routed topic, so this scans with the JIT-intrinsic {@code indexOf}.
     */
    public static String[] split(String value) {
        int count = 1;
        for (int dot = value.indexOf('.'); dot >= 0; dot = value.indexOf('.', dot + 1)) {
            count++;
        }
        String[] segments = new String[count];
        int start = 0;
        for (int n = 0; n < count - 1; n++) {
            int dot = value.indexOf('.', start);
            segments[n] = value.substring(start, dot);
            start = dot + 1;
        }
        segments[count - 1] = value.substring(start);
        return segments;
    }

    /**
     * Reference matcher: whether {@code pattern} matches {@code topic}. The router uses an index
     * with the same semantics; this method is the specification the index is tested against.
     */
    public static boolean matches(String pattern, String topic) {
        if (isMatchAll(pattern)) {
            return true;
        }
        return matches(split(pattern), 0, split(topic), 0);
    }

    private static boolean matches(String[] pattern, int p, String[] topic, int t) {
        if (p == pattern.length) {
            return t == topic.length;
        }
        String segment = pattern[p];
        if (segment.equals(MULTI_WILDCARD)) {
            for (int skip = t; skip <= topic.length; skip++) {
                if (matches(pattern, p + 1, topic, skip)) {
                    return true;
                }
            }
            return false;
        }
        if (t == topic.length) {
            return false;
        }
        return (segment.equals(SINGLE_WILDCARD) || segment.equals(topic[t]))
                && matches(pattern, p + 1, topic, t + 1);
    }

    private static void requireSegments(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must be a non-empty string");
        }
        boolean segmentStart = true;
        for (int i = 0; i < value.length(); i++) {
            boolean dot = value.charAt(i) == '.';
            if (dot && segmentStart) {
                throw emptySegment(value, what);
            }
            segmentStart = dot;
        }
        if (segmentStart) {
            throw emptySegment(value, what);
        }
    }

    private static IllegalArgumentException emptySegment(String value, String what) {
        return new IllegalArgumentException(
                what + " '" + value + "' has an empty segment (check for '..' or a leading/trailing '.')");
    }
}
