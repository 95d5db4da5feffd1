package io.eventrouter.web;

import io.eventrouter.config.ConfigLoader;
import io.eventrouter.config.RouterConfig;
import io.eventrouter.config.Setting;
import jakarta.enterprise.context.Dependent;
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

    @Produces
    @Singleton
    RouterConfig routerConfig(ServletContext context) {
        RouterConfig config = load(context, System.getenv());
        LOG.info("Event router configuration in {}: {}", context.getContextPath(), config);
        return config;
    }

    static RouterConfig load(ServletContext context, Map<String, String> environment) {
        Map<Setting, String> parameters = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            String value = context.getInitParameter(PARAMETER_PREFIX + setting.key());
            if (value != null) {
                parameters.put(setting, value.strip());
            }
        }
        return ConfigLoader.load(null, environment, parameters,
                setting -> "servlet context parameter " + PARAMETER_PREFIX + setting.key());
    }
}
