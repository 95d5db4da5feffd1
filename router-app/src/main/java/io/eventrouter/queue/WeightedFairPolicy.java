package io.eventrouter.queue;

import io.eventrouter.protocol.Priority;

/**
 * Smooth weighted round robin over the non-empty lanes. Each turn every waiting lane earns its
 * weight (its priority); the richest lane is served and pays the sum of the waiting weights. A
 * lane with weight w thus gets w turns out of every sum-of-weights, interleaved evenly.
 */
final class WeightedFairPolicy implements TakePolicy {
    private final long[] credit = new long[Priority.LEVELS];

    @Override
    public int nextLane(int[] sizes) {
        int best = -1;
        long total = 0;
        for (int lane = 0; lane < sizes.length; lane++) {
            if (sizes[lane] == 0) {
                credit[lane] = 0;
                continue;
            }
            int weight = lane + Priority.MIN;
            credit[lane] += weight;
            total += weight;
            if (best < 0 || credit[lane] >= credit[best]) {
                best = lane;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("all lanes are empty");
        }
        credit[best] -= total;
        return best;
    }
}
