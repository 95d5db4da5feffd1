package io.eventrouter.queue;

import io.eventrouter.protocol.Event;
import io.eventrouter.protocol.Priority;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded queue of events with one FIFO lane per priority. When full, an event of higher
 * priority than the lowest queued one evicts the newest event of that lowest priority; anything
 * else is refused. Which lane is taken next is the {@link TakePolicy}'s choice. Thread-safe.
 */
public final class EventQueue {
    private final int capacity;
    private final TakePolicy policy;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    @SuppressWarnings({"unchecked", "rawtypes"})
    private final ArrayDeque<QueuedEvent>[] lanes = new ArrayDeque[Priority.LEVELS];
    private final int[] sizes = new int[Priority.LEVELS];
    /** Written under the lock; volatile so {@link #size()} reads it without taking the lock. */
    private volatile int size;

    private EventQueue(int capacity, TakePolicy policy) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
        this.policy = policy;
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new ArrayDeque<>();
        }
    }

    /** Strict priority: the highest waiting priority is always taken first. */
    public static EventQueue strict(int capacity) {
        return new EventQueue(capacity, TakePolicy.strict());
    }

    /** Weighted fair sharing between priorities (weight = priority), so low lanes never starve. */
    public static EventQueue weightedFair(int capacity) {
        return new EventQueue(capacity, TakePolicy.weightedFair());
    }

    /** Offers an event accepted now. */
    public OfferResult offer(Event event) {
        return offer(event, System.nanoTime());
    }

    /**
     * Offers an event, stamped with when the router accepted it ({@link System#nanoTime()}); the
     * stamp comes back with the event from {@link #drainQueuedTo}.
     */
    public OfferResult offer(Event event, long acceptedNanos) {
        int lane = Priority.index(event.priority());
        lock.lock();
        try {
            QueuedEvent evicted = null;
            if (size >= capacity) {
                int lowest = lowestNonEmptyLane();
                if (lowest >= lane) {
                    return OfferResult.REFUSED;
                }
                evicted = lanes[lowest].pollLast();
                sizes[lowest]--;
                size--;
            }
            lanes[lane].addLast(new QueuedEvent(event, acceptedNanos));
            sizes[lane]++;
            size++;
            notEmpty.signal();
            return evicted == null ? OfferResult.QUEUED : OfferResult.queuedEvicting(evicted.event());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves up to {@code max} events into {@code sink} in take order, waiting up to
     * {@code timeout} for the first one.
     *
     * @return the number of events moved; 0 when the wait timed out
     */
    public int drainTo(List<Event> sink, int max, long timeout, TimeUnit unit) throws InterruptedException {
        return drain(sink, QueuedEvent::event, max, timeout, unit);
    }

    /**
     * Moves up to {@code max} events into {@code sink} in take order, with each event's
     * acceptance stamp, without waiting.
     *
     * @return the number of events moved; 0 when the queue is empty
     */
    public int drainQueuedTo(List<QueuedEvent> sink, int max) {
        lock.lock();
        try {
            return moveTo(sink, Function.identity(), max);
        } finally {
            lock.unlock();
        }
    }

    private <T> int drain(List<T> sink, Function<QueuedEvent, T> element, int max, long timeout, TimeUnit unit)
            throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (size == 0) {
                if (nanos <= 0) {
                    return 0;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            return moveTo(sink, element, max);
        } finally {
            lock.unlock();
        }
    }

    /** Moves up to {@code max} events in take order; the lock is held. */
    private <T> int moveTo(List<T> sink, Function<QueuedEvent, T> element, int max) {
        int moved = 0;
        while (size > 0 && moved < max) {
            int lane = policy.nextLane(sizes);
            sink.add(element.apply(lanes[lane].pollFirst()));
            sizes[lane]--;
            size--;
            moved++;
        }
        return moved;
    }

    /**
     * Events waiting now. Does not lock: the dispatcher asks before and after every batch, and
     * a volatile read orders it against the publishing threads' own volatile writes.
     */
    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    /** Events waiting per priority; index 0 is priority 1. */
    public int[] sizesByPriority() {
        lock.lock();
        try {
            return sizes.clone();
        } finally {
            lock.unlock();
        }
    }

    private int lowestNonEmptyLane() {
        for (int lane = 0; lane < sizes.length; lane++) {
            if (sizes[lane] > 0) {
                return lane;
            }
        }
        throw new IllegalStateException("queue is full but every lane is empty");
    }
}
