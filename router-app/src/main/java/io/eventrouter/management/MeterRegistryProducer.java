package io.eventrouter.management;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The application's one meter registry: the router registers its meters in it (as a {@code
 * MeterRegistry}) and the admin API scrapes it. {@code @Singleton}, not {@code
 * @ApplicationScoped}: the registry class cannot be proxied, and nothing needs a proxy.
 */
@ApplicationScoped
public class MeterRegistryProducer {

    @Produces
    @Singleton
    PrometheusMeterRegistry meterRegistry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    void close(@Disposes PrometheusMeterRegistry registry) {
        registry.close();
    }
}
