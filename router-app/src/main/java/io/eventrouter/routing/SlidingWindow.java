package io.eventrouter.routing;

/**
 * The last few samples of the cumulative counters, taken every few seconds by the router's
 * housekeeping, so figures "over the last minute" compare the current totals with the oldest
 * sample kept; failures or traffic an hour ago no longer count. The hot path pays nothing.
 *
 * @param <T> one sample
 */
final class SlidingWindow<T> {
    private final Object[] samples;
    private int next;
    private int filled;

    /**
     * @param capacity samples kept; the oldest is dropped when a new one arrives
     * @param first the sample the window starts from (the counters at start)
     */
    SlidingWindow(int capacity, T first) {
        samples = new Object[capacity];
        add(first);
    }

    synchronized void add(T sample) {
        samples[next] = sample;
        next = (next + 1) % samples.length;
        filled = Math.min(filled + 1, samples.length);
    }

    /** The oldest sample kept. */
    @SuppressWarnings("unchecked")
    synchronized T oldest() {
        return (T) samples[filled < samples.length ? 0 : next];
    }
}
