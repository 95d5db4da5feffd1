package io.eventrouter.endpoint;

import io.eventrouter.session.Transport;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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

    /** Frames handed to Jetty at once; beyond that they wait in the outbox, where drops apply. */
    private static final int MAX_IN_FLIGHT = 64;

    private final Session session;
    /** Jetty's core session, typed loosely so this class loads where Jetty is absent. */
    private final Object core;
    private final String remoteAddress;

    JakartaTransport(Session session, String remoteAddress) {
        this.session = session;
        this.core = SessionLimits.onJetty(session) ? JettySessions.core(session) : null;
        this.remoteAddress = remoteAddress;
    }

    @Override
    public int maxInFlight() {
        return core == null ? 1 : MAX_IN_FLIGHT;
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
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), truncate(reason)));
        } catch (IOException | IllegalStateException e) {
            LOG.debug("Closing {} failed: {}", remoteAddress, e.toString());
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

    @Override
    public String remoteAddress() {
        return remoteAddress;
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
