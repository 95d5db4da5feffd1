package io.eventrouter.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Builds a {@link RouterConfig} from layers, later ones winning: defaults, then a properties
 * file, then {@code ROUTER_*} environment variables, then command-line flags. Every error names
 * the setting, the bad value and where it came from.
 */
public final class ConfigLoader {
    /** Environment variable naming a configuration file when {@code --config} is not given. */
    public static final String CONFIG_FILE_VARIABLE = "ROUTER_CONFIG";

    private ConfigLoader() {}

    /**
     * @param file a properties file with keys such as {@code max_queue_size}, or null
     * @param environment the process environment (only {@code ROUTER_*} entries are read)
     * @param flags values given on the command line, keyed by {@link Setting}
     */
    public static RouterConfig load(Path file, Map<String, String> environment, Map<Setting, String> flags) {
        RouterConfig.Builder builder = RouterConfig.builder();
        Path configFile = file;
        if (configFile == null && environment.get(CONFIG_FILE_VARIABLE) != null) {
            configFile = Path.of(environment.get(CONFIG_FILE_VARIABLE));
        }
        if (configFile != null) {
            applyFile(builder, configFile);
        }
        for (Setting setting : Setting.values()) {
            String value = environment.get(setting.environmentVariable());
            if (value != null) {
                apply(builder, setting, value, "environment variable " + setting.environmentVariable());
            }
        }
        flags.forEach((setting, value) -> apply(builder, setting, value, "flag " + setting.flag()));
        return builder.build();
    }

    private static void applyFile(RouterConfig.Builder builder, Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
        }
        for (String key : properties.stringPropertyNames()) {
            Setting setting = Setting.fromKey(key.trim());
            if (setting == null) {
                throw new ConfigException("unknown setting '" + key + "' in " + file);
            }
            apply(builder, setting, properties.getProperty(key), file.toString());
        }
    }

    private static void apply(RouterConfig.Builder builder, Setting setting, String value, String origin) {
        try {
            setting.apply(builder, value);
            // Range checks live in RouterConfig; every value applied before this one passed them,
            // so a failure here is this value's and can be reported with its origin.
            builder.build();
        } catch (IllegalArgumentException | ConfigException e) {
            throw new ConfigException("invalid value '" + value + "' for " + setting.key()
                    + " (from " + origin + "): " + e.getMessage());
        }
    }
}
