package io.eventrouter.protocol;

import java.util.Arrays;

/**
 * One event's JSON object as UTF-8, in a buffer reused from one event to the next. The router
 * encodes each routed event here once and copies the bytes into every subscriber's frame (in
 * arrays the router reuses too), so routing an event allocates next to nothing. Not
 * thread-safe: one per routing thread.
 */
public final class EncodedEvent {
    /** Writes straight into the buffer the bytes are then copied from. */
    private final EventJson writer = EventJson.writer();

    /** Encodes {@code event}, replacing what this held; the bytes equal {@link ProtocolCodec#encodeEvent}'s text in UTF-8. */
    public EncodedEvent encode(Event event) {
        writer.write(event);
        return this;
    }

    /** How many bytes the encoded event has. */
    public int length() {
        return writer.length();
    }

    /** Copies the encoded event into {@code target} at {@code offset}. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(writer.bytes(), 0, target, offset, writer.length());
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(writer.bytes(), writer.length());
    }
}
