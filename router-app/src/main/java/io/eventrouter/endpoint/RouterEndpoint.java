package io.eventrouter.endpoint;

import io.eventrouter.routing.Router;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;

/**
 * The router's annotated WebSocket endpoint, one instance per connection, as a WAR deploys
 * it; what it does with each message is {@link ClientConnection}'s.
 *
 * <p>Deliberately not a CDI bean: a dependent bean per connection would be retained by the
 * container until shutdown. An EE server creates it and injects the router; a servlet-only
 * container (Jetty, Tomcat with Weld Servlet) creates it without injection, so it looks the
 * router up. The embedded server does not use it (see {@link EmbeddedRouterEndpoint}).
 */
@ServerEndpoint(value = "/", configurator = RouterEndpointConfigurator.class)
public class RouterEndpoint extends ClientConnection {
    /** For containers that create endpoints themselves and inject the router. */
    public RouterEndpoint() {}

    @OnOpen
    public void onOpen(Session session) {
        if (router == null) {
            router = CDI.current().select(Router.class).get();
        }
        router = router.unproxied().get();
        admit(session, new JakartaTransport(session));
    }

    @OnMessage
    public void onText(String text) {
        handleText(text);
    }

    @OnMessage
    public void onBinary(ByteBuffer ignored) {
        handleBinary();
    }

    @OnClose
    public void onClose(Session session, CloseReason reason) {
        handleClosed();
    }

    @OnError
    public void onError(Session session, Throwable failure) {
        handleError(session, failure);
    }
}
