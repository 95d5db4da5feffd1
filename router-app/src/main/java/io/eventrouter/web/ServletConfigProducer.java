package io.eventrouter.web;

import io.eventrouter.config.ConfigLoader;
import io.eventrouter.config.RouterConfig;
import io.eventrouter.config.Setting;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.servlet.ServletContext;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RouterConfig} of the WAR, read from the server: defaults, then the data
 * directory's saved file (as the CLI does), then {@code ROUTER_*} environment variables, then
 * servlet context parameters {@code router.<key>} (e.g. {@code router.max_clients}), later ones
 * winning. {@code host} and {@code port} are the server's business and ignored here.
 *
 * <p>Only a bean in the WAR: the embedded server's Weld has discovery disabled and registers its
 * own configuration through {@code ConfigExtension}, so it never sees this class.
 * {@code @Singleton}, not {@code @ApplicationScoped}: a record cannot be proxied.
 */
@Dependent
public class ServletConfigProducer {
    /** Prefix of the servlet context parameters that set a {@link Setting}. */
    public static final String PARAMETER_PREFIX = "router.";

    private static final Logger LOG = LoggerFactory.getLogger(ServletConfigProducer.class);

    /**
     * Set when the application scope starts ({@link #capture}), or by {@link RouterLifecycle}. Not an injected {@code
     * ServletContext}: Payara's built-in one is a proxy that needs an active request, so it
     * failed the deployment ({@code WELD-001303 No active contexts for scope type RequestScoped}).
     */
    private static volatile ServletContext servletContext;

    static void servletContext(ServletContext context) {
        servletContext = context;
    }

    /**
     * In a web application the application scope's start event carries the servlet context; it
     * comes before listeners run and before the router's own observer (which creates the router
     * and so this configuration), hence the early priority.
     */
    static void capture(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE)
            @Initialized(ApplicationScoped.class) ServletContext context) {
        servletContext = context;
    }

    @Produces
    @Singleton
    RouterConfig routerConfig() {
        ServletContext context = servletContext;
        if (context == null) {
            LOG.warn("No servlet context yet: router.* context parameters are not read, only ROUTER_* variables");
        }
        RouterConfig config = load(context, System.getenv());
        LOG.info("Event router configuration: {}", config);
        return config;
    }

    static RouterConfig load(ServletContext context, Map<String, String> environment) {
        Map<Setting, String> parameters = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            String value = context == null ? null : context.getInitParameter(PARAMETER_PREFIX + setting.key());
            if (value != null) {
                parameters.put(setting, value.strip());
            }
        }
        return ConfigLoader.load(null, environment, parameters,
                setting -> "servlet context parameter " + PARAMETER_PREFIX + setting.key());
    }
}
