package io.eventrouter.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventrouter.testing.RunningRouter;
import jakarta.enterprise.inject.spi.CDI;
import org.junit.jupiter.api.Test;

/** The router bean as the container hands it out, and as connections hold it. */
class RouterBeanTest {

    @Test
    void shouldHandConnectionsTheBeanItselfNotTheClientProxy() {
        try (RunningRouter running = RunningRouter.start()) {
            Router proxy = CDI.current().select(Router.class).get();

            Router bean = proxy.unproxied().get();

            assertThat(bean.getClass()).isEqualTo(Router.class);
            assertThat(proxy.getClass()).isNotEqualTo(Router.class);
            assertThat(bean.config()).isEqualTo(proxy.config());
        }
    }
}
