package io.eventrouter.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** Counts shared by every connection of one scenario run, read at the start and end of the measured window. */
final class Counters {
    private static final int MAX_NOTES = 10;

    final LongAdder published = new LongAdder();
    final LongAdder acked = new LongAdder();
    /** Publishes answered with {@code status: dropped} (the router's queue was full). */
    final LongAdder rejected = new LongAdder();
    /** First deliveries of an event to a subscriber; duplicates are counted by the subscriber. */
    final LongAdder delivered = new LongAdder();
    final LongAdder errors = new LongAdder();
    final LongAdder sendFailures = new LongAdder();
    private final List<String> notes = new ArrayList<>();

    /** Keeps the first few problems for the report. */
    void note(String problem) {
        synchronized (notes) {
            if (notes.size() < MAX_NOTES) {
                notes.add(problem);
            }
        }
    }

    List<String> notes() {
        synchronized (notes) {
            return List.copyOf(notes);
        }
    }

    /** A point-in-time copy of the throughput counters. */
    record Snapshot(long nanos, long published, long acked, long delivered) {}

    Snapshot snapshot() {
        return new Snapshot(System.nanoTime(), published.sum(), acked.sum(), delivered.sum());
    }
}
