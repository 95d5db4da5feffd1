package io.eventrouter.endpoint;

import io.eventrouter.protocol.ErrorCode;
import io.eventrouter.protocol.ProtocolCodec;
import io.eventrouter.protocol.ProtocolException;
import io.eventrouter.protocol.ServerMessage;
import io.eventrouter.routing.Router;
import io.eventrouter.session.ClientSession;
import io.eventrouter.session.Transport;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's side of the protocol: the welcome (or a refusal when the router is full or
 * shutting down), each text message decoded, handed to the {@link Router} and answered,
 * binary messages refused, and the router told when the connection ends. Bad frames get an
 * {@code error} frame and the connection stays open.
 *
 * <p>Two kinds of connection speak it: {@link RouterEndpoint}, the annotated endpoint a WAR
 * deploys, and the embedded server's frame handler, which reads frames from Jetty itself and
 * is its own {@link JettyConnection transport}. They extend this class rather than hold an
 * instance of it because the embedded server keeps tens of thousands of connections: one
 * object per connection instead of four (endpoint, protocol state, transport, frame handler)
 * saves 64 bytes each.
 */
public abstract class ClientConnection {
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);

    /** Injected when a Jakarta EE server creates {@link RouterEndpoint}; else given or looked up. */
    @Inject
    Router router;

    private ClientSession client;

    ClientConnection() {}

    ClientConnection(Router router) {
        this.router = router;
    }

    /**
     * Registers the connection with the router, which will write to it through {@code
     * transport}, and welcomes it; or refuses it when the router takes no more connections.
     */
    protected final void admit(Session session, Transport transport) {
        SessionLimits.apply(session, router.config());
        client = router.open(transport, queryParameter(session, "client_name"));
        if (client == null) {
            refuse(session);
            return;
        }
        client.reply(ProtocolCodec.encode(
                new ServerMessage.Welcome(client.clientId(), Instant.now(), client.clientName())));
    }

    /**
     * Handles one text message. The embedded server calls this with characters it decoded
     * into a buffer it reuses; they are read before this returns and not kept.
     */
    public final void handleText(CharSequence text) {
        if (client == null) {
            return;
        }
        ServerMessage reply;
        try {
            reply = router.handle(client, ProtocolCodec.decodeClientMessage(text));
        } catch (ProtocolException problem) {
            reply = router.rejected(client, problem);
        } catch (RuntimeException unexpected) {
            LOG.error("Unexpected failure handling a frame from {}", client, unexpected);
            reply = new ServerMessage.Error("Internal error while handling the message; it was not processed",
                    ErrorCode.INTERNAL_ERROR, null, Instant.now(), null);
        }
        client.reply(ProtocolCodec.encode(reply));
        try {
            router.dispatchQueued();
        } catch (RuntimeException unexpected) {
            // The event is the router's problem now, not this connection's: keep it open.
            LOG.error("Unexpected failure routing queued events on the thread of {}", client, unexpected);
        }
    }

    /** Answers a binary message, whatever its bytes, with an error; the connection stays open. */
    public final void handleBinary() {
        if (client == null) {
            return;
        }
        ProtocolException problem = new ProtocolException(ErrorCode.INVALID_MESSAGE,
                "Binary frames are not supported: send each message as a JSON text frame", null);
        client.reply(ProtocolCodec.encode(router.rejected(client, problem)));
    }

    /** The connection is closing or closed: the router forgets it. Safe to call more than once. */
    public final void handleClosed() {
        if (client != null) {
            router.closed(client);
        }
    }

    /**
     * Transport problems (peer vanished, frame too large, idle timeout) are the client's side
     * of the story: logged for debugging only; the session closes and the router is told then.
     */
    protected final void handleError(Session session, Throwable failure) {
        Object connection = client != null ? client : session != null ? session.getId() : "a connection being opened";
        LOG.debug("WebSocket error on {}: {}", connection, failure.toString());
    }

    private void refuse(Session session) {
        ServerMessage.Error refusal = router.refusal();
        int code = router.refusalCloseCode();
        LOG.info("Refused a connection: {}", refusal.message() == null ? refusal.error() : refusal.message());
        session.getAsyncRemote().sendText(ProtocolCodec.encode(refusal),
                result -> CloseHandshake.start(session, code, refusal.error(), "a refused connection"));
    }

    private static String queryParameter(Session session, String name) {
        Map<String, List<String>> parameters = session.getRequestParameterMap();
        List<String> values = parameters == null ? null : parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
