package io.eventrouter.endpoint;

import io.eventrouter.routing.Router;
import io.eventrouter.session.Transport;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.websocket.jakarta.common.JakartaWebSocketSession;

/**
 * A {@link RouterConnection} that is its own {@link Transport} on Jetty: frames go straight to
 * Jetty's core session, which lets small frames share one write. The embedded server's frame
 * handler extends it and says which Jakarta session it serves.
 */
public abstract class JettyConnection extends RouterConnection implements Transport {
    /**
     * The peer's address as the socket channel holds it: the same object for the life of the
     * connection, and still there to name the peer after the channel closed, when Jetty can
     * no longer tell. Formatted only when asked for (logs and the admin API).
     */
    private SocketAddress remote;

    protected JettyConnection(Router router) {
        super(router);
    }

    /** The Jakarta session Jetty made for this connection; null until then. */
    protected abstract JakartaWebSocketSession session();

    /** Jetty has made the session: the router welcomes the client, or refuses it. */
    protected final void opened() {
        JakartaWebSocketSession session = session();
        remote = session.getCoreSession().getRemoteAddress();
        open(session, this);
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
        JakartaTransport.close(session(), code, reason, this);
    }

    @Override
    public final void abort() {
        session().abort();
    }

    /** Jetty's session id, a random UUID like the ids the router makes itself. */
    @Override
    public final String connectionId() {
        return JakartaTransport.uuidOrNull(session().getId());
    }

    @Override
    public final String remoteAddress() {
        return JettySessions.format(remote);
    }
}
