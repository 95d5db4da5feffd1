package io.eventrouter.bench;

/**
 * The generator's clock for send timestamps: {@link System#nanoTime} shifted so it is positive,
 * which keeps the numbers in the payload plain digits. Generator and measurement share one
 * process, so the monotonic clock is comparable end to end.
 */
final class BenchClock {
    private static final long ORIGIN = System.nanoTime() - 1_000_000_000L;

    private BenchClock() {}

    static long now() {
        return System.nanoTime() - ORIGIN;
    }

    /** Converts a {@link System#nanoTime} reading to this clock. */
    static long of(long nanoTime) {
        return nanoTime - ORIGIN;
    }
}
