package io.eventrouter.server;

import java.util.List;
import org.eclipse.jetty.ee10.websocket.jakarta.server.JakartaWebSocketServerContainer;
import org.eclipse.jetty.ee10.websocket.jakarta.server.JakartaWebSocketServerFrameHandlerFactory;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.server.FrameHandlerFactory;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.core.server.WebSocketCreator;
import org.eclipse.jetty.websocket.core.server.WebSocketMappings;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Jakarta frame handlers exactly as Jetty does, but over a {@link
 * DetachedUpgradeRequest} instead of one that holds on to the servlet request: per connection
 * this releases the finished HTTP exchange as soon as the handshake is done.
 */
final class DetachedFrameHandlers implements FrameHandlerFactory {
    private static final Logger LOG = LoggerFactory.getLogger(DetachedFrameHandlers.class);

    private final JakartaWebSocketServerFrameHandlerFactory jakarta;

    private DetachedFrameHandlers(JakartaWebSocketServerFrameHandlerFactory jakarta) {
        this.jakarta = jakarta;
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
        DetachedFrameHandlers factory = new DetachedFrameHandlers(container.getFrameHandlerFactory());
        int installed = 0;
        for (String path : paths) {
            PathSpec spec = new UriTemplatePathSpec(path);
            WebSocketNegotiator jettys = mappings.getWebSocketNegotiator(spec);
            WebSocketCreator creator = mappings.getWebSocketCreator(spec);
            if (jettys == null || creator == null) {
                LOG.warn("No WebSocket endpoint mapped at {}; its sessions keep their upgrade requests", path);
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
        return jakarta.newJakartaWebSocketFrameHandler(endpoint, DetachedUpgradeRequest.of(request));
    }
}
