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
 *
 * <p>The file is the one given with {@code --config}, else the one named by
 * {@value #CONFIG_FILE_VARIABLE}, else {@value #SAVED_CONFIG_FILE} in the data directory if it
 * exists: that is where the admin API saves changes, so they survive a restart.
 */
public final class ConfigLoader {
    /** Environment variable naming a configuration file when {@code --config} is not given. */
    public static final String CONFIG_FILE_VARIABLE = "ROUTER_CONFIG";
    /** The file in the data directory that holds settings saved at run time. */
    public static final String SAVED_CONFIG_FILE = "router.properties";

    private ConfigLoader() {}

    /**
     * @param file a properties file with keys such as {@code max_queue_size}, or null
     * @param environment the process environment (only {@code ROUTER_*} entries are read)
     * @param flags values given on the command line, keyed by {@link Setting}
     */
    public static RouterConfig load(Path file, Map<String, String> environment, Map<Setting, String> flags) {
        return load(file, environment, flags, setting -> "flag " + setting.flag());
    }

    /**
     * As {@link #load(Path, Map, Map)}, with the top layer coming from somewhere other than
     * flags (the WAR's servlet context parameters) and named so by {@code origin} in errors.
     */
    public static RouterConfig load(Path file, Map<String, String> environment, Map<Setting, String> flags,
            java.util.function.Function<Setting, String> origin) {
        RouterConfig.Builder builder = RouterConfig.builder();
        Path configFile = file;
        if (configFile == null && environment.get(CONFIG_FILE_VARIABLE) != null) {
            configFile = Path.of(environment.get(CONFIG_FILE_VARIABLE));
        }
        if (configFile != null) {
            applyFile(builder, configFile);
        } else {
            Path saved = savedConfigFile(dataDir(environment, flags));
            if (Files.isRegularFile(saved)) {
                applySavedFile(builder, saved);
            }
        }
        for (Setting setting : Setting.values()) {
            String value = environment.get(setting.environmentVariable());
            if (value != null) {
                apply(builder, setting, value, "environment variable " + setting.environmentVariable());
            }
        }
        flags.forEach((setting, value) -> apply(builder, setting, value, origin.apply(setting)));
        return builder.build();
    }

    /** Where settings changed at run time are saved: {@value #SAVED_CONFIG_FILE} in the data directory. */
    public static Path savedConfigFile(RouterConfig config) {
        return savedConfigFile(config.dataDir());
    }

    /**
     * {@code base} with settings changed by key ({@code max_clients} → {@code "2000"}), validated
     * exactly as values from a file, the environment or flags are.
     *
     * @param origin where the values came from, for error messages ("admin API")
     * @throws ConfigException naming the first unknown key or invalid value
     */
    public static RouterConfig applyChanges(RouterConfig base, Map<String, String> changes, String origin) {
        RouterConfig.Builder builder = base.toBuilder();
        changes.forEach((key, value) -> {
            Setting setting = Setting.fromKey(key);
            if (setting == null) {
                throw new ConfigException("unknown setting '" + key + "' (from " + origin + ")");
            }
            apply(builder, setting, value, origin);
        });
        return builder.build();
    }

    private static Path savedConfigFile(Path dataDir) {
        return dataDir.resolve(SAVED_CONFIG_FILE);
    }

    /** The data directory, which locates the saved file, so it cannot come from that file. */
    private static Path dataDir(Map<String, String> environment, Map<Setting, String> flags) {
        RouterConfig.Builder scratch = RouterConfig.builder();
        String variable = Setting.DATA_DIR.environmentVariable();
        if (environment.get(variable) != null) {
            apply(scratch, Setting.DATA_DIR, environment.get(variable), "environment variable " + variable);
        }
        if (flags.get(Setting.DATA_DIR) != null) {
            apply(scratch, Setting.DATA_DIR, flags.get(Setting.DATA_DIR), "flag " + Setting.DATA_DIR.flag());
        }
        return scratch.build().dataDir();
    }

    private static void applySavedFile(RouterConfig.Builder builder, Path file) {
        Properties properties = read(file);
        if (properties.containsKey(Setting.DATA_DIR.key())) {
            throw new ConfigException(Setting.DATA_DIR.key() + " cannot be set in " + file
                    + ", the file it locates; use " + Setting.DATA_DIR.environmentVariable() + " or "
                    + Setting.DATA_DIR.flag());
        }
        apply(builder, properties, file);
    }

    private static void applyFile(RouterConfig.Builder builder, Path file) {
        apply(builder, read(file), file);
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
        }
        return properties;
    }

    private static void apply(RouterConfig.Builder builder, Properties properties, Path file) {
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
