package io.eventrouter.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventrouter.config.RouterConfig;
import io.eventrouter.testing.RunningRouter;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import org.junit.jupiter.api.Test;

class CdiEndpointConfiguratorTest {
    /**
     * Jetty lets a class's {@code @ServerEndpoint} configurator replace the one a programmatic
     * configuration names; the annotated endpoint's (for WARs) looks the router up in CDI on
     * every handshake. The embedded server must register a class without the annotation.
     */
    @Test
    void shouldRegisterAnUnannotatedEndpointSoThatItsOwnConfiguratorIsUsed() throws Exception {
        try (RunningRouter router = RunningRouter.start(RouterConfig.builder())) {
            CdiEndpointConfigurator configurator = new CdiEndpointConfigurator(router.server().router());

            assertThat(configurator.endpointConfigs())
                    .extracting(ServerEndpointConfig::getPath)
                    .containsExactlyElementsOf(CdiEndpointConfigurator.PATHS);
            for (ServerEndpointConfig config : configurator.endpointConfigs()) {
                assertThat(config.getEndpointClass().getAnnotation(ServerEndpoint.class)).isNull();
                assertThat(config.getConfigurator()).isSameAs(configurator);
                EmbeddedRouterEndpoint endpoint = configurator.getEndpointInstance(EmbeddedRouterEndpoint.class);
                assertThat(endpoint.router()).isSameAs(router.server().router().unproxied().get());
            }
        }
    }

    /**
     * The embedded endpoint keeps nothing of any one connection (each connection's state is its
     * frame handler's), so every handshake gets the same instance: none is made per connection.
     */
    @Test
    void shouldHandEveryConnectionTheSameEndpointInstance() throws Exception {
        try (RunningRouter router = RunningRouter.start(RouterConfig.builder())) {
            CdiEndpointConfigurator configurator = new CdiEndpointConfigurator(router.server().router());

            EmbeddedRouterEndpoint first = configurator.getEndpointInstance(EmbeddedRouterEndpoint.class);

            assertThat(configurator.getEndpointInstance(EmbeddedRouterEndpoint.class)).isSameAs(first);
            assertThatThrownBy(() -> configurator.getEndpointInstance(RouterEndpoint.class))
                    .isInstanceOf(InstantiationException.class);
        }
    }
}
