package io.eventrouter.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventrouter.config.RouterConfig;
import io.eventrouter.testing.RunningRouter;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddedRouterEndpointTest {
    /**
     * Only the embedded server's frame handler reads this endpoint's messages; a container that
     * opened it itself would leave them unread, so the connection is closed at once, saying why.
     */
    @Test
    void shouldCloseAConnectionAContainerOpensWithoutTheRoutersFrameHandler() throws Exception {
        try (RunningRouter router = RunningRouter.start(RouterConfig.builder())) {
            EmbeddedRouterEndpoint endpoint = new CdiEndpointConfigurator(router.server().router())
                    .getEndpointInstance(EmbeddedRouterEndpoint.class);
            List<CloseReason> closes = new ArrayList<>();
            Session session = (Session) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Session.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close") && args != null && args.length == 1) {
                            closes.add((CloseReason) args[0]);
                            return null;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });

            endpoint.onOpen(session, null);

            assertThat(closes).singleElement().satisfies(close -> {
                assertThat(close.getCloseCode()).isEqualTo(CloseReason.CloseCodes.UNEXPECTED_CONDITION);
                assertThat(close.getReasonPhrase()).isEqualTo("Endpoint not served");
            });
            assertThat(router.server().router().clients()).isEmpty();
        }
    }
}
