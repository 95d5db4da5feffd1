package io.eventrouter.routing;

/**
 * Failure rate over roughly the last minute, so failures an hour ago do not mark the router
 * unhealthy forever. Keeps samples of the cumulative counters taken every few seconds and
 * compares the current totals with the oldest sample; the hot path pays nothing.
 */
final class SlidingWindow {
    private final long[] attempted;
    private final long[] failed;
    private int next;
    private int filled;

    SlidingWindow(int samples) {
        attempted = new long[samples];
        failed = new long[samples];
    }

    synchronized void sample(long attemptedTotal, long failedTotal) {
        attempted[next] = attemptedTotal;
        failed[next] = failedTotal;
        next = (next + 1) % attempted.length;
        filled = Math.min(filled + 1, attempted.length);
    }

    /** Failed share of the attempts since the oldest sample (or since start), 0 if none. */
    synchronized double failureRate(long attemptedTotal, long failedTotal) {
        int oldest = filled < attempted.length ? 0 : next;
        long baseAttempted = filled == 0 ? 0 : attempted[oldest];
        long baseFailed = filled == 0 ? 0 : failed[oldest];
        long attempts = attemptedTotal - baseAttempted;
        return attempts <= 0 ? 0.0 : (double) (failedTotal - baseFailed) / attempts;
    }
}
