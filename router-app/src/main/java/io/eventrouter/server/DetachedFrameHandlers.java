package io.eventrouter.server;

import io.eventrouter.endpoint.EmbeddedRouterEndpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.ee10.websocket.jakarta.common.ConfiguredEndpoint;
import org.eclipse.jetty.ee10.websocket.jakarta.common.JakartaWebSocketFrameHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.common.JakartaWebSocketFrameHandlerMetadata;
import org.eclipse.jetty.ee10.websocket.jakarta.server.JakartaWebSocketServerContainer;
import org.eclipse.jetty.ee10.websocket.jakarta.server.JakartaWebSocketServerFrameHandlerFactory;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.core.server.WebSocketCreator;
import org.eclipse.jetty.websocket.core.server.WebSocketMappings;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's Jakarta frame handler factory with these per-connection costs taken out:
 * <ul>
 *   <li>each handler gets a {@link DetachedUpgradeRequest} instead of one that holds on to the
 *       servlet request, so the finished HTTP exchange is released once the handshake is done;
 *   <li>the router endpoint's handler is wrapped in an {@link EmbeddedConnection}, which reads
 *       text messages without Jetty's per-message string builder, writes through Jetty's core
 *       session, speaks the protocol itself and is told of opening, closing and errors directly;
 *       so the endpoint (one shared instance) is only a marker, and its metadata is one empty
 *       instance, declaring no methods for Jetty to bind to each connection, where Jetty would
 *       rediscover it by reflection on every handshake (about 60 kB of garbage);
 *   <li>the router endpoint gets a bare configuration instead of the one Jetty builds for each
 *       connection (see {@link #withBareConfig}).
 * </ul>
 * Handlers are otherwise built by Jetty's own code, from the same metadata.
 */
final class DetachedFrameHandlers extends JakartaWebSocketServerFrameHandlerFactory {
    private static final Logger LOG = LoggerFactory.getLogger(DetachedFrameHandlers.class);

    /** The router endpoint's configuration by path, without codecs, subprotocols or extensions. */
    private final Map<String, ServerEndpointConfig> routerConfigs = new ConcurrentHashMap<>();
    /** The router endpoint's: no methods at all, since {@link EmbeddedConnection} does what they would. */
    private final JakartaWebSocketFrameHandlerMetadata routerMetadata;

    private DetachedFrameHandlers(JakartaWebSocketServerContainer container) {
        super(container);
        this.routerMetadata = new JakartaWebSocketFrameHandlerMetadata(
                ServerEndpointConfig.Builder.create(EmbeddedRouterEndpoint.class, "/").build(),
                container.getWebSocketComponents());
    }

    /**
     * Re-registers the endpoints that {@code container} mapped at {@code paths} with this
     * factory, keeping Jetty's creator (handshake, configurator, endpoint instance) and its
     * session defaults. Call once the container has started: it maps endpoints only then.
     *
     * @return how many paths were re-registered; a path Jetty did not map is left alone
     */
    static int install(ContextHandler context, JakartaWebSocketServerContainer container, List<String> paths) {
        WebSocketMappings mappings = WebSocketMappings.getMappings(context);
        if (mappings == null) {
            return 0;
        }
        DetachedFrameHandlers factory = new DetachedFrameHandlers(container);
        int installed = 0;
        for (String path : paths) {
            PathSpec spec = new UriTemplatePathSpec(path);
            WebSocketNegotiator jettys = mappings.getWebSocketNegotiator(spec);
            WebSocketCreator creator = mappings.getWebSocketCreator(spec);
            if (jettys == null || creator == null) {
                LOG.warn("No WebSocket endpoint mapped at {}", path);
                continue;
            }
            mappings.removeMapping(spec);
            // Jetty's negotiator as the customizer: it applies the container's session defaults.
            mappings.addMapping(spec, creator, factory, jettys);
            installed++;
        }
        return installed;
    }

    @Override
    public FrameHandler newFrameHandler(Object endpoint, ServerUpgradeRequest request, ServerUpgradeResponse response) {
        JakartaWebSocketFrameHandler handler =
                newJakartaWebSocketFrameHandler(withBareConfig(endpoint), DetachedUpgradeRequest.of(request));
        return handler.getEndpoint() instanceof EmbeddedRouterEndpoint router
                ? new EmbeddedConnection(handler, router.router())
                : handler;
    }

    /**
     * The router's endpoint with a bare configuration of its own instead of the one Jetty built
     * for the connection: that one wraps the endpoint's configuration twice, copies its user
     * properties into a new map to add the remote and local addresses and locales, and keeps a
     * map of path parameters, about 300 bytes per connection that the router never reads (it
     * takes addresses from Jetty's core session, and its paths have no parameters). The
     * session still gets user properties of its own, empty.
     */
    private Object withBareConfig(Object endpoint) {
        if (endpoint instanceof ConfiguredEndpoint configured
                && configured.getRawEndpoint() instanceof EmbeddedRouterEndpoint router
                && configured.getConfig() instanceof ServerEndpointConfig jettys) {
            // One shared configuration per path answers for class, path and configurator; Jetty's
            // per-connection one is let go.
            ServerEndpointConfig shared = routerConfigs.computeIfAbsent(jettys.getPath(),
                    path -> ServerEndpointConfig.Builder.create(jettys.getEndpointClass(), path)
                            .configurator(jettys.getConfigurator())
                            .build());
            return new ConfiguredEndpoint(router, new BareEndpointConfig(shared));
        }
        return endpoint;
    }

    /**
     * The router endpoint's metadata is {@link #routerMetadata}; any other endpoint (the router
     * maps none on these paths) gets Jetty's.
     */
    @Override
    public JakartaWebSocketFrameHandlerMetadata getMetadata(Class<?> endpointClass, EndpointConfig config) {
        return endpointClass == EmbeddedRouterEndpoint.class ? routerMetadata : super.getMetadata(endpointClass, config);
    }
}
