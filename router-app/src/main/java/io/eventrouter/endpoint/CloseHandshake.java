package io.eventrouter.endpoint;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts a session's close handshake, the one way every part of the endpoint closes a connection. */
final class CloseHandshake {
    private static final Logger LOG = LoggerFactory.getLogger(CloseHandshake.class);
    /** Close reasons are limited to 123 bytes on the wire. */
    private static final int MAX_REASON_BYTES = 120;

    private CloseHandshake() {}

    /**
     * Sends a close frame with {@code code} and {@code reason} (cut to printable ASCII that fits
     * one). A session already closed or closing is not an error: it is logged for debugging.
     *
     * @param peer names the connection in that log line
     */
    static void start(Session session, int code, String reason, String peer) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), truncate(reason)));
        } catch (IOException | IllegalStateException e) {
            LOG.debug("Closing {} failed: {}", peer, e.toString());
        }
    }

    private static String truncate(String reason) {
        if (reason == null) {
            return "";
        }
        String ascii = reason.replaceAll("[^\\x20-\\x7E]", "?");
        return ascii.length() <= MAX_REASON_BYTES ? ascii : ascii.substring(0, MAX_REASON_BYTES);
    }
}
