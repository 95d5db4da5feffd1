package io.eventrouter.endpoint;

import io.eventrouter.routing.Router;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

/**
 * The router's endpoint as the embedded server registers it: a programmatic {@link Endpoint}
 * around a {@link RouterEndpoint}, rather than the annotated class itself, for two reasons.
 * <ul>
 *   <li>Jetty merges an annotated class's {@code @ServerEndpoint} into a programmatic
 *       configuration, and the annotation's configurator (the one a WAR needs, which looks the
 *       router up in CDI) would replace {@link CdiEndpointConfigurator}: two CDI lookups per
 *       handshake.
 *   <li>It registers no message handlers, so Jetty builds no message sinks, metadata or method
 *       bindings for text and binary messages on each connection. The embedded server's frame
 *       handler reads every data frame itself and hands it to {@link #messages()}.
 * </ul>
 * The embedded server's frame handler also tells {@link #messages()} of opening, closing and
 * errors directly, so Jetty binds none of the methods below to each connection; they keep the
 * endpoint complete for any container that calls them.
 */
public final class EmbeddedRouterEndpoint extends Endpoint {
    private final RouterEndpoint messages;

    EmbeddedRouterEndpoint(Router router) {
        this.messages = new RouterEndpoint(router);
    }

    /** Where the embedded server's frame handler delivers this connection's messages. */
    public RouterEndpoint messages() {
        return messages;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        messages.onOpen(session);
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        messages.onClose(session, reason);
    }

    @Override
    public void onError(Session session, Throwable failure) {
        messages.onError(session, failure);
    }
}
