package io.eventrouter.endpoint;

import io.eventrouter.routing.Router;
import io.eventrouter.session.Transport;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.websocket.jakarta.common.JakartaWebSocketSession;

/**
 * A {@link ClientConnection} that is its own {@link Transport} on Jetty: frames go straight to
 * Jetty's core session, which lets small frames share one write. The embedded server's frame
 * handler extends it and says which Jakarta session it serves.
 */
public abstract class JettyConnection extends ClientConnection implements Transport {
    /**
     * The peer's address, kept to name it after the channel closed (see {@link
     * JettySessions#remoteSocketAddress}); formatted only when asked for. Set before the
     * router sees this transport, which publishes it with the client's session.
     */
    private SocketAddress remote;

    protected JettyConnection(Router router) {
        super(router);
    }

    /** The Jakarta session Jetty made for this connection; null until then. */
    protected abstract JakartaWebSocketSession session();

    /** Jetty has made the session: the router admits the client through this transport, or refuses it. */
    protected final void admit() {
        JakartaWebSocketSession session = session();
        remote = JettySessions.remoteSocketAddress(session);
        admit(session, this);
    }

    @Override
    public final int maxInFlight() {
        return JettyFrames.MAX_IN_FLIGHT;
    }

    @Override
    public final void send(ByteBuffer frame, boolean flush, Consumer<Throwable> done) {
        JettyFrames.send(session().getCoreSession(), frame, flush, done);
    }

    @Override
    public final void close(int code, String reason) {
        CloseHandshake.start(session(), code, reason, remoteAddress());
    }

    @Override
    public final void abort() {
        session().abort();
    }

    /** Jetty's session id, a random UUID like the ids the router makes itself. */
    @Override
    public final String connectionId() {
        return JettySessions.uuid(session());
    }

    @Override
    public final String remoteAddress() {
        return JettySessions.format(remote);
    }
}
