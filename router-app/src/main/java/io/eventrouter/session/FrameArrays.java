package io.eventrouter.session;

import java.util.ArrayDeque;

/**
 * The byte arrays event frames are built in, handed back once their frames are written and
 * kept per thread for the next frames that thread builds.
 *
 * <p>Every delivery is a copy of the encoded event, so a router making a fresh array per
 * delivery streams all its outbound bytes through memory the core has not touched yet; an
 * array written a moment ago is still in the core's caches. The thread that routes an event to
 * a single connection completes that write itself (it writes inline, and an embedded server's
 * connection flushes before its next read, on that thread), so keeping arrays per thread reuses
 * them without any coordination between threads. A thread that only completes writes (a writer
 * thread, for events reaching several connections) keeps a bounded few; one that only builds
 * frames finds none and makes new ones, as it would without this.
 *
 * <p>Sizes are powers of two from {@value #SMALLEST} to {@value #LARGEST} bytes; a frame that
 * needs more gets an exact array that is never kept. A thread keeps at most
 * {@value #KEPT_PER_SIZE} arrays of each size and {@value #MAX_KEPT_BYTES_PER_SIZE} bytes of
 * each size (so at most 76 kB in all): a bound per size costs giving an array back one
 * comparison, where a bound on the total would add up every size.
 */
final class FrameArrays {
    static final int SMALLEST = 512;
    static final int LARGEST = 16 * 1024;
    static final int KEPT_PER_SIZE = 8;
    static final int MAX_KEPT_BYTES_PER_SIZE = 16 * 1024;
    private static final int SMALLEST_SHIFT = Integer.numberOfTrailingZeros(SMALLEST);
    private static final int SIZES = Integer.numberOfTrailingZeros(LARGEST) - SMALLEST_SHIFT + 1;

    /**
     * Per thread, one stack of free arrays per size. Only JDK types are kept in the thread, so a
     * container thread that outlives an undeployed WAR holds no class of it.
     */
    private static final ThreadLocal<ArrayDeque<byte[]>[]> KEPT = new ThreadLocal<>();

    private FrameArrays() {}

    /** An array of at least {@code length} bytes, one the calling thread was given back if it has one. */
    static byte[] take(int length) {
        if (length > LARGEST) {
            return new byte[length];
        }
        int size = sizeIndex(length);
        byte[] kept = kept()[size].pollLast();
        return kept != null ? kept : new byte[SMALLEST << size];
    }

    /**
     * Gives {@code array} back for the calling thread's next frames; arrays of other lengths
     * than {@link #take} makes, or beyond what a thread keeps, are left to the collector. The
     * caller must own the array: nothing may read or write it after this.
     */
    static void giveBack(byte[] array) {
        int length = array.length;
        if (length < SMALLEST || length > LARGEST || Integer.bitCount(length) != 1) {
            return;
        }
        ArrayDeque<byte[]> stack = kept()[Integer.numberOfTrailingZeros(length) - SMALLEST_SHIFT];
        if (stack.size() < keptPerSize(length)) {
            stack.addLast(array);
        }
    }

    /** How many arrays the calling thread keeps, for tests. */
    static int keptByThisThread() {
        int all = 0;
        for (ArrayDeque<byte[]> stack : kept()) {
            all += stack.size();
        }
        return all;
    }

    /** Lets go of every array the calling thread keeps, for tests. */
    static void forgetKeptByThisThread() {
        KEPT.remove();
    }

    private static int sizeIndex(int length) {
        int shift = 32 - Integer.numberOfLeadingZeros(Math.max(length, SMALLEST) - 1);
        return shift - SMALLEST_SHIFT;
    }

    /** How many arrays of {@code length} bytes a thread keeps at most. */
    static int keptPerSize(int length) {
        return Math.max(1, Math.min(KEPT_PER_SIZE, MAX_KEPT_BYTES_PER_SIZE / length));
    }

    @SuppressWarnings("unchecked")
    private static ArrayDeque<byte[]>[] kept() {
        ArrayDeque<byte[]>[] kept = KEPT.get();
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
