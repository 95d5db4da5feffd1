package io.eventrouter.protocol;

import java.util.Arrays;

/**
 * One event's JSON object as UTF-8, in a buffer reused from one event to the next. The router
 * encodes each routed event here once and copies the bytes into every subscriber's frame, so
 * routing allocates the frames and nothing else. Not thread-safe: one per routing thread.
 */
public final class EncodedEvent {
    private static final int INITIAL_BYTES = 1024;
    /** A buffer grown past this by a huge event is replaced once events are small again. */
    private static final int MAX_RETAINED_BYTES = 64 * 1024;

    private byte[] bytes = new byte[INITIAL_BYTES];
    private int length;

    /** Encodes {@code event}, replacing what this held; the bytes equal {@link ProtocolCodec#encodeEvent}'s text in UTF-8. */
    public EncodedEvent encode(Event event) {
        EventJson.encodeUtf8(event, this);
        return this;
    }

    /** How many bytes the encoded event has. */
    public int length() {
        return length;
    }

    /** Copies the encoded event into {@code target} at {@code offset}. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, length);
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    /** A buffer of at least {@code capacity} bytes for the encoder to fill, then {@link #filled}. */
    byte[] reserve(int capacity) {
        if (bytes.length < capacity) {
            bytes = new byte[Math.max(capacity, bytes.length * 2)];
        } else if (bytes.length > MAX_RETAINED_BYTES && capacity <= MAX_RETAINED_BYTES) {
            bytes = new byte[Math.max(INITIAL_BYTES, capacity)];
        }
        return bytes;
    }

    void filled(int count) {
        length = count;
    }
}
