package io.eventrouter.protocol;

/**
 * Event priorities: integers from {@value #MIN} to {@value #MAX}, higher is more urgent. The
 * named levels are the ones the original V2 protocol defines; every integer in range is valid.
 */
public final class Priority {
    public static final int MIN = 1;
    public static final int MAX = 10;

    public static final int LOWEST = 1;
    public static final int LOW = 3;
    public static final int NORMAL = 5;
    public static final int HIGH = 7;
    public static final int CRITICAL = 9;
    public static final int SYSTEM = 10;

    /** Number of distinct priority values, handy for arrays indexed by priority. */
    public static final int LEVELS = MAX - MIN + 1;

    private Priority() {}

    public static boolean isValid(int priority) {
        return priority >= MIN && priority <= MAX;
    }

    /** Returns {@code priority} or throws when it lies outside 1..10. */
    public static int require(int priority) {
        if (!isValid(priority)) {
            throw new IllegalArgumentException(
                    "priority must be an integer from " + MIN + " to " + MAX + ", got " + priority);
        }
        return priority;
    }

    /** Zero-based index of a valid priority, for arrays of {@link #LEVELS} lanes. */
    public static int index(int priority) {
        return priority - MIN;
    }
}
