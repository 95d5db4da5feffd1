package io.eventrouter.endpoint;

import io.eventrouter.routing.Router;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's endpoint as the embedded server registers it: one instance for every
 * connection, which the embedded server's frame handler factory recognises and serves with a
 * connection object of its own (a {@link JettyConnection} that also reads the frames). It is a
 * programmatic {@link Endpoint} rather than the annotated {@link RouterEndpoint} for three
 * reasons.
 * <ul>
 *   <li>Jetty merges an annotated class's {@code @ServerEndpoint} into a programmatic
 *       configuration, and the annotation's configurator (the one a WAR needs, which looks the
 *       router up in CDI) would replace {@link CdiEndpointConfigurator}: two CDI lookups per
 *       handshake.
 *   <li>It registers no message handlers, so Jetty builds no message sinks, metadata or method
 *       bindings for text and binary messages on each connection.
 *   <li>Being shared, it costs a connection nothing: what a connection needs is all in its one
 *       connection object.
 * </ul>
 */
public final class EmbeddedRouterEndpoint extends Endpoint {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRouterEndpoint.class);

    private final Router router;

    EmbeddedRouterEndpoint(Router router) {
        this.router = router.unproxied().get();
    }

    /** The router the connections of this endpoint talk to (the bean itself, not a CDI proxy). */
    public Router router() {
        return router;
    }

    /**
     * Only called by a container that serves this endpoint without the embedded server's frame
     * handler; nothing would read the connection's messages, so it is closed at once.
     */
    @Override
    public void onOpen(Session session, EndpointConfig config) {
        LOG.error("{} is served only by the embedded server's frame handler; closing the connection",
                EmbeddedRouterEndpoint.class.getSimpleName());
        CloseHandshake.start(session, CloseReason.CloseCodes.UNEXPECTED_CONDITION.getCode(), "Endpoint not served",
                "an unserved connection");
    }
}
