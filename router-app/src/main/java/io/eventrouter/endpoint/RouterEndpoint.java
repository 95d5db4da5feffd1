package io.eventrouter.endpoint;

import io.eventrouter.protocol.ErrorCode;
import io.eventrouter.protocol.ProtocolCodec;
import io.eventrouter.protocol.ProtocolException;
import io.eventrouter.protocol.ServerMessage;
import io.eventrouter.routing.Router;
import io.eventrouter.session.ClientSession;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's WebSocket endpoint, one instance per connection. It decodes each text frame,
 * passes the message to the {@link Router} and sends back the encoded reply; bad frames get an
 * {@code error} frame and the connection stays open.
 *
 * <p>Deliberately not a CDI bean: a dependent bean per connection would be retained by the
 * container until shutdown. Embedded, {@link CdiEndpointConfigurator} creates it with the
 * router bean; an EE server creates it and injects {@link #router}; a servlet-only container
 * (Jetty, Tomcat with Weld Servlet) creates it without injection, so it looks the router up.
 */
@ServerEndpoint(value = "/", configurator = RouterEndpointConfigurator.class)
public class RouterEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(RouterEndpoint.class);

    @Inject
    Router router;

    private ClientSession client;

    /** For containers that create endpoints themselves and inject the router. */
    public RouterEndpoint() {}

    RouterEndpoint(Router router) {
        this.router = router;
    }

    @OnOpen
    public void onOpen(Session session) {
        if (router == null) {
            router = CDI.current().select(Router.class).get();
        }
        router = router.unproxied().get();
        SessionLimits.apply(session, router.config());
        client = router.open(new JakartaTransport(session), queryParameter(session, "client_name"));
        if (client == null) {
            refuse(session);
            return;
        }
        client.reply(ProtocolCodec.encode(
                new ServerMessage.Welcome(client.clientId(), Instant.now(), client.clientName())));
    }

    @OnMessage
    public void onText(String text) {
        handleText(text);
    }

    /**
     * Handles one text message. The embedded server calls this directly with characters it
     * decoded into a buffer it reuses; they are read before this returns and not kept.
     */
    public void handleText(CharSequence text) {
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

    @OnMessage
    public void onBinary(ByteBuffer ignored) {
        handleBinary();
    }

    /** Answers a binary message, whatever its bytes, with an error; the connection stays open. */
    public void handleBinary() {
        if (client == null) {
            return;
        }
        ProtocolException problem = new ProtocolException(ErrorCode.INVALID_MESSAGE,
                "Binary frames are not supported: send each message as a JSON text frame", null);
        client.reply(ProtocolCodec.encode(router.rejected(client, problem)));
    }

    @OnClose
    public void onClose(Session session, CloseReason reason) {
        handleClosed();
    }

    /** The connection is closing or closed: the router forgets it. Safe to call more than once. */
    public void handleClosed() {
        if (client != null) {
            router.closed(client);
        }
    }

    @OnError
    public void onError(Session session, Throwable failure) {
        // Transport problems (peer vanished, frame too large, idle timeout) are the client's
        // side of the story; the session closes and onClose cleans up.
        Object connection = client != null ? client : session != null ? session.getId() : "a connection being opened";
        LOG.debug("WebSocket error on {}: {}", connection, failure.toString());
    }

    private void refuse(Session session) {
        ServerMessage.Error refusal = router.refusal();
        int code = router.refusalCloseCode();
        LOG.info("Refused a connection: {}", refusal.message() == null ? refusal.error() : refusal.message());
        session.getAsyncRemote().sendText(ProtocolCodec.encode(refusal), result -> {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), refusal.error()));
            } catch (java.io.IOException | IllegalStateException e) {
                LOG.debug("Closing a refused connection failed: {}", e.toString());
            }
        });
    }

    private static String queryParameter(Session session, String name) {
        Map<String, List<String>> parameters = session.getRequestParameterMap();
        List<String> values = parameters == null ? null : parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
