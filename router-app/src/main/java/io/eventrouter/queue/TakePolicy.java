package io.eventrouter.queue;

/** Chooses the next lane to take from, given which lanes hold events. */
interface TakePolicy {

    /**
     * @param sizes events waiting per lane, index 0 = priority 1
     * @return the lane index to take from; called only when some lane is non-empty
     */
    int nextLane(int[] sizes);

    /** Highest non-empty lane first: a CRITICAL event always overtakes a NORMAL one. */
    static TakePolicy strict() {
        return sizes -> {
            for (int lane = sizes.length - 1; lane >= 0; lane--) {
                if (sizes[lane] > 0) {
                    return lane;
                }
            }
            throw new IllegalStateException("all lanes are empty");
        };
    }

    /**
     * Smooth weighted round robin with weight = priority: over time priority 10 gets ten turns
     * for every one of priority 1, yet no non-empty lane waits forever.
     */
    static TakePolicy weightedFair() {
        return new WeightedFairPolicy();
    }
}
