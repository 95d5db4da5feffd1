package io.eventrouter.endpoint;

import io.eventrouter.session.Transport;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Transport} over a Jakarta WebSocket session. On Jetty it writes through Jetty's core
 * session, which takes bytes and batches small frames; elsewhere it uses the portable async API.
 */
final class JakartaTransport implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger(JakartaTransport.class);
    private static final int MAX_REASON_BYTES = 120;

    private final Session session;
    /** Jetty's core session, typed loosely so this class loads where Jetty is absent. */
    private final Object core;
    /**
     * On Jetty the peer's socket address, formatted only when asked for (logs and the admin
     * API): a string per connection would cost about 70 bytes for as long as it stays open.
     */
    private final SocketAddress remote;

    JakartaTransport(Session session) {
        this.session = session;
        boolean jetty = SessionLimits.onJetty(session);
        this.core = jetty ? JettySessions.core(session) : null;
        this.remote = jetty ? JettySessions.remoteSocketAddress(session) : null;
    }

    @Override
    public int maxInFlight() {
        return core == null ? 1 : JettyFrames.MAX_IN_FLIGHT;
    }

    @Override
    public void send(ByteBuffer frame, boolean flush, Consumer<Throwable> done) {
        if (core != null) {
            // Jetty's own session: hand over the bytes and let small frames share one write.
            JettyFrames.send(core, frame, flush, done);
        } else {
            // Any other container: the portable Jakarta API, one frame at a time.
            session.getAsyncRemote().sendText(StandardCharsets.UTF_8.decode(frame).toString(),
                    result -> done.accept(result.isOK() ? null : result.getException()));
        }
    }

    @Override
    public void close(int code, String reason) {
        close(session, code, reason, this);
    }

    /** Starts the close handshake of {@code session}; a close reason is cut to what fits a close frame. */
    static void close(Session session, int code, String reason, Transport transport) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), truncate(reason)));
        } catch (IOException | IllegalStateException e) {
            LOG.debug("Closing {} failed: {}", transport.remoteAddress(), e.toString());
        }
    }

    @Override
    public void abort() {
        if (core != null) {
            JettySessions.abort(session);
        } else {
            close(CloseReason.CloseCodes.CLOSED_ABNORMALLY.getCode(), "aborted");
        }
    }

    /** Jetty's session id, a random UUID like the ids the router makes itself. */
    @Override
    public String connectionId() {
        return core != null ? uuidOrNull(session.getId()) : null;
    }

    /** {@code id} if it is a random UUID in its usual form, else null. */
    static String uuidOrNull(String id) {
        return isUuid(id) ? id : null;
    }

    private static boolean isUuid(String id) {
        if (id == null || id.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException notUuid) {
            return false;
        }
    }

    @Override
    public String remoteAddress() {
        // Elsewhere the container gives no address; its session id at least tells connections apart.
        return remote != null ? JettySessions.format(remote) : session.getId();
    }

    /** Close reasons are limited to 123 bytes on the wire. */
    private static String truncate(String reason) {
        if (reason == null) {
            return "";
        }
        String ascii = reason.replaceAll("[^\\x20-\\x7E]", "?");
        return ascii.length() <= MAX_REASON_BYTES ? ascii : ascii.substring(0, MAX_REASON_BYTES);
    }
}
