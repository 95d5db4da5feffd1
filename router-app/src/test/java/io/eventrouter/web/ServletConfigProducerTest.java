package io.eventrouter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventrouter.config.ConfigException;
import io.eventrouter.config.RouterConfig;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServletConfigProducerTest {
    @TempDir
    Path data;

    @Test
    void shouldLetContextParametersOverrideEnvironmentVariables() {
        RouterConfig config = ServletConfigProducer.load(
                context(Map.of("router.max_clients", " 42 ", "router.use_multi_queue", "true")),
                Map.of("ROUTER_MAX_CLIENTS", "7", "ROUTER_MAX_QUEUE_SIZE", "123", "ROUTER_DATA_DIR", data.toString()));

        assertThat(config.maxClients()).isEqualTo(42);
        assertThat(config.useMultiQueue()).isTrue();
        assertThat(config.maxQueueSize()).isEqualTo(123);
    }

    @Test
    void shouldReadOnlyTheEnvironmentWithoutAServletContext() {
        RouterConfig config = ServletConfigProducer.load(null,
                Map.of("ROUTER_MAX_CLIENTS", "7", "ROUTER_DATA_DIR", data.toString()));

        assertThat(config.maxClients()).isEqualTo(7);
    }

    @Test
    void shouldNameTheContextParameterOfABadValue() {
        assertThatThrownBy(() -> ServletConfigProducer.load(context(Map.of("router.max_clients", "many")),
                Map.of("ROUTER_DATA_DIR", data.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("servlet context parameter router.max_clients")
                .hasMessageContaining("many");
    }

    private static ServletContext context(Map<String, String> parameters) {
        return (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getInitParameter")) {
                        return parameters.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
