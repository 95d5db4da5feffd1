package io.eventrouter.cli;

import io.eventrouter.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the management commands keep their files: {@code --data-dir}, else the
 * {@code ROUTER_DATA_DIR} environment variable, else {@code ~/.event-router}. It holds
 * {@code router.pid} and {@code router.url} while a router started by {@code start} runs,
 * {@code router.log} (a daemon's output) and {@code router.properties} (written by
 * {@code configure}, read by {@code start}).
 */
record DataDirectory(Path root) {
    static final String ENVIRONMENT_VARIABLE = "ROUTER_DATA_DIR";
    static final String DEFAULT_NAME = ".event-router";

    DataDirectory {
        root = root.toAbsolutePath().normalize();
    }

    static DataDirectory resolve(Path option, Map<String, String> environment) {
        if (option != null) {
            return new DataDirectory(option);
        }
        String variable = environment.get(ENVIRONMENT_VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return new DataDirectory(Path.of(variable.trim()));
        }
        return new DataDirectory(Path.of(System.getProperty("user.home"), DEFAULT_NAME));
    }

    Path pidFile() {
        return root.resolve("router.pid");
    }

    Path urlFile() {
        return root.resolve("router.url");
    }

    Path logFile() {
        return root.resolve("router.log");
    }

    Path propertiesFile() {
        return root.resolve("router.properties");
    }

    /**
     * The configuration file a command should load: {@code --config}, else {@code ROUTER_CONFIG}
     * (returned as null so {@link ConfigLoader} reads it as it always does), else
     * {@code router.properties} here when it exists.
     */
    Path configFile(Path option, Map<String, String> environment) {
        if (option != null || environment.get(ConfigLoader.CONFIG_FILE_VARIABLE) != null) {
            return option;
        }
        return Files.isRegularFile(propertiesFile()) ? propertiesFile() : null;
    }

    DataDirectory create() throws IOException {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new IOException("cannot create the data directory " + root + ": " + Failures.describe(e), e);
        }
        return this;
    }
}
