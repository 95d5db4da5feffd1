package io.eventrouter.server;

import io.eventrouter.config.RouterConfig;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Singleton;

/** Makes the server's {@link RouterConfig} injectable. */
final class ConfigExtension implements Extension {
    private final RouterConfig config;

    ConfigExtension(RouterConfig config) {
        this.config = config;
    }

    void registerConfig(@Observes AfterBeanDiscovery discovery) {
        discovery.addBean()
                .types(RouterConfig.class, Object.class)
                .scope(Singleton.class)
                .createWith(context -> config);
    }
}
