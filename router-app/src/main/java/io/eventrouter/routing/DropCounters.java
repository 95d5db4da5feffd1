package io.eventrouter.routing;

import io.eventrouter.protocol.Priority;
import java.util.concurrent.atomic.LongAdder;

/**
 * Dropped events counted by {@link DropReason} and priority. A failed socket write loses a group
 * of frames whose priorities are no longer known; those count under {@link #UNKNOWN_PRIORITY}.
 */
final class DropCounters {
    /** The slot of drops whose priority is not known. */
    static final int UNKNOWN_PRIORITY = Priority.LEVELS;

    private final LongAdder[][] counts = new LongAdder[DropReason.values().length][Priority.LEVELS + 1];

    DropCounters() {
        for (LongAdder[] byPriority : counts) {
            for (int slot = 0; slot < byPriority.length; slot++) {
                byPriority[slot] = new LongAdder();
            }
        }
    }

    void add(DropReason reason, int priority, long count) {
        counts[reason.ordinal()][Priority.index(priority)].add(count);
    }

    void addOfUnknownPriority(DropReason reason, long count) {
        counts[reason.ordinal()][UNKNOWN_PRIORITY].add(count);
    }

    /** Drops for a reason in one slot: a priority index (0 = priority 1) or {@link #UNKNOWN_PRIORITY}. */
    long count(DropReason reason, int slot) {
        return counts[reason.ordinal()][slot].sum();
    }

    long total(DropReason reason) {
        long total = 0;
        for (LongAdder adder : counts[reason.ordinal()]) {
            total += adder.sum();
        }
        return total;
    }

    /** Drops of one priority for any of the given reasons. */
    long ofPriority(int priority, DropReason... reasons) {
        long total = 0;
        for (DropReason reason : reasons) {
            total += count(reason, Priority.index(priority));
        }
        return total;
    }
}
