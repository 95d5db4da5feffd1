package io.eventrouter.endpoint;

import io.eventrouter.routing.Router;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Endpoint configurations for a server that supplies CDI itself (the WAR): each connection's
 * endpoint gets the router bean looked up with {@link CDI#current()}, which works on any server
 * whether or not it injects programmatically added endpoints.
 */
public final class ContainerEndpoints extends ServerEndpointConfig.Configurator {
    /** The path of {@link RouterEndpoint}'s {@code @ServerEndpoint}, which the server deploys by itself. */
    public static final String ANNOTATED_PATH = "/";

    private ContainerEndpoints() {}

    public static ServerEndpointConfig config(String path) {
        return ServerEndpointConfig.Builder.create(RouterEndpoint.class, path)
                .configurator(new ContainerEndpoints())
                .build();
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        if (endpointClass != RouterEndpoint.class) {
            throw new InstantiationException("Unable to create endpoint " + endpointClass.getName());
        }
        return endpointClass.cast(new RouterEndpoint(CDI.current().select(Router.class).get()));
    }
}
