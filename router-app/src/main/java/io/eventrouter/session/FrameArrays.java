package io.eventrouter.session;

/**
 * The byte arrays event frames are built in, handed back once their frames are written and
 * kept per thread for the next frames that thread builds.
 *
 * <p>Every delivery is a copy of the encoded event, so a router making a fresh array per
 * delivery streams all its outbound bytes through memory the core has not touched yet; an
 * array written a moment ago is still in the core's caches. The thread that routes an event is
 * usually the one that completes its writes (an embedded server's connection flushes before its
 * next read, on its own thread), so keeping arrays per thread reuses them without any
 * coordination between threads. A thread that only completes writes keeps a bounded few; one
 * that only builds frames finds none and makes new ones, as it would without this.
 *
 * <p>Sizes are powers of two from {@value #SMALLEST} to {@value #LARGEST} bytes; a frame that
 * needs more gets an exact array that is never kept. A thread keeps at most
 * {@value #KEPT_PER_SIZE} arrays of each size and {@value #MAX_KEPT_BYTES} bytes in all.
 */
final class FrameArrays {
    static final int SMALLEST = 512;
    static final int LARGEST = 16 * 1024;
    static final int KEPT_PER_SIZE = 8;
    static final int MAX_KEPT_BYTES = 64 * 1024;
    private static final int SMALLEST_SHIFT = Integer.numberOfTrailingZeros(SMALLEST);
    private static final int SIZES = Integer.numberOfTrailingZeros(LARGEST) - SMALLEST_SHIFT + 1;

    private static final ThreadLocal<FrameArrays> KEPT = ThreadLocal.withInitial(FrameArrays::new);

    /** Per size, a stack of {@link #counts}[size] free arrays. */
    private final byte[][][] free = new byte[SIZES][KEPT_PER_SIZE][];
    private final int[] counts = new int[SIZES];
    private int keptBytes;

    private FrameArrays() {}

    /** An array of at least {@code length} bytes, one the calling thread was given back if it has one. */
    static byte[] take(int length) {
        if (length > LARGEST) {
            return new byte[length];
        }
        int size = sizeIndex(length);
        return KEPT.get().pop(size);
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
        KEPT.get().push(array, Integer.numberOfTrailingZeros(length) - SMALLEST_SHIFT);
    }

    /** How many arrays the calling thread keeps, for tests. */
    static int keptByThisThread() {
        int all = 0;
        for (int count : KEPT.get().counts) {
            all += count;
        }
        return all;
    }

    private static int sizeIndex(int length) {
        int shift = 32 - Integer.numberOfLeadingZeros(Math.max(length, SMALLEST) - 1);
        return shift - SMALLEST_SHIFT;
    }

    private byte[] pop(int size) {
        int count = counts[size];
        if (count == 0) {
            return new byte[SMALLEST << size];
        }
        byte[][] stack = free[size];
        byte[] array = stack[--count];
        stack[count] = null;
        counts[size] = count;
        keptBytes -= array.length;
        return array;
    }

    private void push(byte[] array, int size) {
        int count = counts[size];
        if (count == KEPT_PER_SIZE || keptBytes + array.length > MAX_KEPT_BYTES) {
            return;
        }
        free[size][count] = array;
        counts[size] = count + 1;
        keptBytes += array.length;
    }
}
