package io.eventrouter.session;

import java.util.function.Consumer;

/** The socket under a {@link ClientSession}; the WebSocket endpoint supplies it. */
public interface Transport {

    /**
     * Sends one text frame asynchronously. {@code done} receives null on success or the failure,
     * possibly on the calling thread before this method returns.
     */
    void sendText(String frame, Consumer<Throwable> done);

    /** Starts a close handshake with the given code. */
    void close(int code, String reason);

    /** Drops the connection without a handshake (used when a peer stopped reading). */
    void abort();

    /** Remote address for logs, e.g. {@code 127.0.0.1:53422}. */
    String remoteAddress();
}
