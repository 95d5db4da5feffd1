package io.eventrouter.endpoint;

import io.eventrouter.routing.Router;
import jakarta.enterprise.inject.Instance;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Objects;

/** Creates endpoint instances wired to the router bean of one CDI container. */
public final class CdiEndpointConfigurator extends RouterEndpointConfigurator {
    /** Paths the endpoint answers on. */
    public static final List<String> PATHS = List.of("/", "/ws");

    private final Router router;
    /** Shared by all connections: it holds nothing of any one of them. */
    private final EmbeddedRouterEndpoint endpoint;

    public CdiEndpointConfigurator(Instance<Object> container) {
        this(Objects.requireNonNull(container, "container").select(Router.class).get());
    }

    CdiEndpointConfigurator(Router router) {
        this.router = router;
        this.endpoint = new EmbeddedRouterEndpoint(router);
    }

    /** One endpoint configuration per path in {@link #PATHS}. */
    public List<ServerEndpointConfig> endpointConfigs() {
        return PATHS.stream()
                .map(path -> ServerEndpointConfig.Builder.create(EmbeddedRouterEndpoint.class, path).configurator(this).build())
                .toList();
    }

    public Router router() {
        return router;
    }

    @Override
    protected boolean compression() {
        return router.config().permessageDeflate();
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        if (endpointClass != EmbeddedRouterEndpoint.class) {
            throw new InstantiationException("Unable to create endpoint " + endpointClass.getName());
        }
        return endpointClass.cast(endpoint);
    }
}
