package io.eventrouter.session;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/** The socket under a {@link ClientSession}; the WebSocket endpoint supplies it. */
public interface Transport {

    /**
     * How many frames may be handed over before the first completes. With more than one, the
     * outbox passes a group of frames at once and asks for a flush only after the last, so a
     * busy connection gets few large writes instead of one write per frame.
     */
    default int maxInFlight() {
        return 1;
    }

    /**
     * Sends one UTF-8 text frame asynchronously. {@code done} receives null on success or the
     * failure, possibly on the calling thread before this method returns. Success means the
     * transport is done with the frame's bytes: the outbox may then reuse its array for
     * another frame.
     *
     * @param flush false when more frames follow at once and may be written together
     */
    void send(ByteBuffer frame, boolean flush, Consumer<Throwable> done);

    /** Starts a close handshake with the given code. */
    void close(int code, String reason);

    /** Drops the connection without a handshake (used when a peer stopped reading). */
    void abort();

    /** Remote address for logs, e.g. {@code 127.0.0.1:53422}. */
    String remoteAddress();

    /**
     * A random UUID string the container already gave this connection, which can then serve
     * as its client id without a second string per connection; null to have one generated.
     */
    default String connectionId() {
        return null;
    }
}
