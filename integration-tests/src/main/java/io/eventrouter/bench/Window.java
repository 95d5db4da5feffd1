package io.eventrouter.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The in-flight window of one publisher, counted in units: an event costs one unit for its
 * {@code published} reply plus one per subscriber that must receive it, and each unit comes
 * back when that reply or delivery arrives. One thread acquires (the publisher, or the runner
 * waiting for the drain); any thread releases. A publisher that finds the window full waits
 * until an eighth of it has come back and is woken once for that, not once per delivery.
 */
final class Window {
    private static final long MAX_PARK_NANOS = 10_000_000;

    private final long capacity;
    private final long refill;
    private final AtomicLong completed = new AtomicLong();
    private volatile long issued;
    private volatile Thread waiter;
    private volatile long wakeAtOutstanding;

    Window(long capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("window capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
        this.refill = Math.max(1, capacity / 8);
    }

    /**
     * Takes {@code units}, waiting while they would exceed the capacity; false if the deadline
     * ({@link System#nanoTime}) passed first. A request larger than the capacity waits for an
     * empty window.
     */
    boolean acquire(long units, long deadlineNanos) {
        if (issued + units - completed.get() > capacity
                && !awaitOutstandingAtMost(Math.max(0, capacity - Math.max(units, refill)), deadlineNanos)) {
            return false;
        }
        issued = issued + units;
        return true;
    }

    /** Waits until every unit taken has come back; false if the deadline passed first. */
    boolean awaitDrained(long deadlineNanos) {
        return awaitOutstandingAtMost(0, deadlineNanos);
    }

    void release(long units) {
        long done = completed.addAndGet(units);
        Thread thread = waiter;
        if (thread != null && issued - done <= wakeAtOutstanding) {
            LockSupport.unpark(thread);
        }
    }

    long outstanding() {
        return issued - completed.get();
    }

    private boolean awaitOutstandingAtMost(long allowed, long deadlineNanos) {
        if (issued - completed.get() <= allowed) {
            return true;
        }
        wakeAtOutstanding = allowed;
        waiter = Thread.currentThread();
        try {
            while (issued - completed.get() > allowed) {
                long remaining = deadlineNanos - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                LockSupport.parkNanos(this, Math.min(remaining, MAX_PARK_NANOS));
            }
            return true;
        } finally {
            waiter = null;
        }
    }
}
