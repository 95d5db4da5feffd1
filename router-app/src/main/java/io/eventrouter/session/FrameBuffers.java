package io.eventrouter.session;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * The buffers event frames are built in, handed back once their frames are written and kept
 * per thread for the next frames that thread builds.
 *
 * <p>Every delivery is a copy of the encoded event, so a router making a fresh array per
 * delivery streams all its outbound bytes through memory the core has not touched yet; an
 * array written a moment ago is still in the core's caches. The buffer around the array is
 * kept with it, so a delivery whose buffer comes back allocates nothing. The thread that
 * routes an event to a single connection completes that write itself (it writes inline, and an
 * embedded server's connection flushes before its next read, on that thread), so keeping
 * buffers per thread reuses them without any coordination between threads. A thread that only
 * completes writes (a writer thread, for events reaching several connections) keeps a bounded
 * few; one that only builds frames finds none and makes new ones, as it would without this.
 *
 * <p>Capacities are powers of two from {@value #SMALLEST} to {@value #LARGEST} bytes; a frame
 * that needs more gets an exact buffer that is never kept. A thread keeps at most
 * {@value #KEPT_PER_SIZE} buffers of each capacity and {@value #MAX_KEPT_BYTES_PER_SIZE} bytes
 * of each (so at most 76 kB in all): a bound per capacity costs giving a buffer back one
 * comparison, where a bound on the total would add up every capacity.
 */
final class FrameBuffers {
    static final int SMALLEST = 512;
    static final int LARGEST = 16 * 1024;
    static final int KEPT_PER_SIZE = 8;
    static final int MAX_KEPT_BYTES_PER_SIZE = 16 * 1024;
    private static final int SMALLEST_SHIFT = Integer.numberOfTrailingZeros(SMALLEST);
    private static final int SIZES = Integer.numberOfTrailingZeros(LARGEST) - SMALLEST_SHIFT + 1;

    /**
     * Per thread, one stack of free buffers per capacity. Only JDK types are kept in the
     * thread, so a container thread that outlives an undeployed WAR holds no class of it.
     */
    private static final ThreadLocal<ArrayDeque<ByteBuffer>[]> KEPT = new ThreadLocal<>();

    private FrameBuffers() {}

    /**
     * A heap buffer from position 0 to a limit of {@code length} bytes, one the calling thread
     * was given back if it has one; what it holds before the limit is to be overwritten.
     */
    static ByteBuffer take(int length) {
        if (length > LARGEST) {
            return ByteBuffer.allocate(length);
        }
        int size = sizeIndex(length);
        ByteBuffer kept = kept()[size].pollLast();
        if (kept == null) {
            return ByteBuffer.allocate(SMALLEST << size).limit(length);
        }
        return kept.clear().limit(length);
    }

    /**
     * Gives {@code buffer} back for the calling thread's next frames; buffers {@link #take}
     * does not make, or beyond what a thread keeps, are left to the collector. The caller must
     * own the buffer and its array: nothing may read or write either after this.
     */
    static void giveBack(ByteBuffer buffer) {
        int capacity = buffer.capacity();
        if (capacity < SMALLEST || capacity > LARGEST || Integer.bitCount(capacity) != 1
                || !buffer.hasArray() || buffer.arrayOffset() != 0) {
            return;
        }
        ArrayDeque<ByteBuffer> stack = kept()[Integer.numberOfTrailingZeros(capacity) - SMALLEST_SHIFT];
        if (stack.size() < keptPerSize(capacity)) {
            stack.addLast(buffer);
        }
    }

    /** How many buffers the calling thread keeps, for tests. */
    static int keptByThisThread() {
        int all = 0;
        for (ArrayDeque<ByteBuffer> stack : kept()) {
            all += stack.size();
        }
        return all;
    }

    /** Lets go of every buffer the calling thread keeps, for tests. */
    static void forgetKeptByThisThread() {
        KEPT.remove();
    }

    private static int sizeIndex(int length) {
        int shift = 32 - Integer.numberOfLeadingZeros(Math.max(length, SMALLEST) - 1);
        return shift - SMALLEST_SHIFT;
    }

    /** How many buffers of {@code capacity} bytes a thread keeps at most. */
    static int keptPerSize(int capacity) {
        return Math.max(1, Math.min(KEPT_PER_SIZE, MAX_KEPT_BYTES_PER_SIZE / capacity));
    }

    @SuppressWarnings("unchecked")
    private static ArrayDeque<ByteBuffer>[] kept() {
        ArrayDeque<ByteBuffer>[] kept = KEPT.get();
        if (kept == null) {
            kept = new ArrayDeque[SIZES];
            for (int size = 0; size < SIZES; size++) {
                kept[size] = new ArrayDeque<>(KEPT_PER_SIZE);
            }
            KEPT.set(kept);
        }
        return kept;
    }
}
