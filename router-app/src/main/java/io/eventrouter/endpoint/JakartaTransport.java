package io.eventrouter.endpoint;

import io.eventrouter.session.Transport;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A {@link Transport} over a Jakarta WebSocket session. On Jetty it writes through Jetty's core
 * session, which takes bytes and batches small frames; elsewhere it uses the portable async API.
 */
final class JakartaTransport implements Transport {

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
        CloseHandshake.start(session, code, reason, remoteAddress());
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
        return core != null ? JettySessions.uuid(session) : null;
    }

    @Override
    public String remoteAddress() {
        // Elsewhere the container gives no address; its session id at least tells connections apart.
        return remote != null ? JettySessions.format(remote) : session.getId();
    }
}
