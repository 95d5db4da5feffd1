package io.eventrouter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void shouldUseTheDefaultsWhenNothingIsConfigured() {
        RouterConfig config = ConfigLoader.load(null, Map.of(), Map.of());

        assertThat(config).isEqualTo(RouterConfig.defaults());
        assertThat(config.host()).isEqualTo(RouterConfig.DEFAULT_HOST).isEqualTo("localhost");
        assertThat(config.port()).isEqualTo(RouterConfig.DEFAULT_PORT).isEqualTo(9090);
        assertThat(config.maxQueueSize()).isEqualTo(RouterConfig.DEFAULT_MAX_QUEUE_SIZE).isEqualTo(10_000);
        assertThat(config.maxClients()).isEqualTo(RouterConfig.DEFAULT_MAX_CLIENTS).isEqualTo(1000);
        assertThat(config.useMultiQueue()).isEqualTo(RouterConfig.DEFAULT_USE_MULTI_QUEUE).isFalse();
        assertThat(config.maxFrameSize()).isEqualTo(RouterConfig.DEFAULT_MAX_FRAME_SIZE).isEqualTo(10 * 1024 * 1024);
        assertThat(config.maxSubscriptionsPerClient()).isEqualTo(RouterConfig.DEFAULT_MAX_SUBSCRIPTIONS_PER_CLIENT);
        assertThat(config.clientQueueSize()).isEqualTo(RouterConfig.DEFAULT_CLIENT_QUEUE_SIZE);
        assertThat(config.slowConsumerDropLimit()).isEqualTo(RouterConfig.DEFAULT_SLOW_CONSUMER_DROP_LIMIT);
        assertThat(config.idleTimeout()).isEqualTo(RouterConfig.DEFAULT_IDLE_TIMEOUT);
        assertThat(config.shutdownTimeout()).isEqualTo(RouterConfig.DEFAULT_SHUTDOWN_TIMEOUT);
        assertThat(config.logLevel()).isEqualTo(RouterConfig.DEFAULT_LOG_LEVEL).isEqualTo("INFO");
    }

    @ParameterizedTest(name = "file={0} env={1} flag={2} -> {3}")
    @CsvSource(nullValues = "-", value = {
        "-,    -,    -,    9090",
        "1111, -,    -,    1111",
        "-,    2222, -,    2222",
        "-,    -,    3333, 3333",
        "1111, 2222, -,    2222",
        "1111, -,    3333, 3333",
        "-,    2222, 3333, 3333",
        "1111, 2222, 3333, 3333",
    })
    void shouldLayerFileThenEnvironmentThenFlags(String file, String env, String flag, int expected)
            throws IOException {
        Path config = file == null ? null : properties("port=" + file);
        Map<String, String> environment = env == null ? Map.of() : Map.of("ROUTER_PORT", env);
        Map<Setting, String> flags = flag == null ? Map.of() : Map.of(Setting.PORT, flag);

        assertThat(ConfigLoader.load(config, environment, flags).port()).isEqualTo(expected);
    }

    @Test
    void shouldCombineDifferentSettingsFromEveryLayer() throws IOException {
        Path file = properties("max_queue_size=20000", "use_multi_queue=true", "log_level=debug");

        RouterConfig config = ConfigLoader.load(file, Map.of("ROUTER_MAX_CLIENTS", "50", "ROUTER_LOG_LEVEL", "warn"),
                Map.of(Setting.HOST, "0.0.0.0"));

        assertThat(config.maxQueueSize()).isEqualTo(20_000);
        assertThat(config.useMultiQueue()).isTrue();
        assertThat(config.maxClients()).isEqualTo(50);
        assertThat(config.logLevel()).isEqualTo("WARN");
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.port()).isEqualTo(RouterConfig.DEFAULT_PORT);
    }

    @Test
    void shouldReadEverySettingFromAFile() throws IOException {
        Path file = properties("host=example.org", "port=0", "max_queue_size=5", "max_clients=6",
                "use_multi_queue=yes", "max_frame_size=2048", "permessage_deflate=true", "max_subscriptions_per_client=7",
                "client_queue_size=8", "slow_consumer_drop_limit=9", "idle_timeout_seconds=0",
                "shutdown_timeout_seconds=3", "log_level=trace", "data_dir=/var/lib/router");

        RouterConfig config = ConfigLoader.load(file, Map.of(), Map.of());

        assertThat(config).isEqualTo(new RouterConfig("example.org", 0, 5, 6, true, 2048, true, 7, 8, 9, Duration.ZERO,
                Duration.ofSeconds(3), "TRACE", Path.of("/var/lib/router")));
    }

    @Test
    void shouldReadEverySettingFromItsEnvironmentVariableAndFlag() {
        Map<String, String> environment = new HashMap<>();
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        String[] values = {"example.org", "1", "5", "6", "on", "2048", "yes", "7", "8", "9", "10", "11", "error", dir.toString()};
        Setting[] settings = Setting.values();
        assertThat(settings).hasSameSizeAs(values);
        for (int i = 0; i < settings.length; i++) {
            environment.put(settings[i].environmentVariable(), values[i]);
            flags.put(settings[i], values[i]);
        }
        RouterConfig expected = new RouterConfig("example.org", 1, 5, 6, true, 2048, true, 7, 8, 9,
                Duration.ofSeconds(10), Duration.ofSeconds(11), "ERROR", dir);

        assertThat(ConfigLoader.load(null, environment, Map.of())).isEqualTo(expected);
        assertThat(ConfigLoader.load(null, Map.of(), flags)).isEqualTo(expected);
    }

    @Test
    void shouldIgnoreEnvironmentVariablesWithoutTheRouterPrefix() {
        RouterConfig config = ConfigLoader.load(null, Map.of("PORT", "1", "HOST", "x", "PATH", "/bin"), Map.of());

        assertThat(config).isEqualTo(RouterConfig.defaults());
    }

    @Test
    void shouldReadTheFileNamedByRouterConfig() throws IOException {
        Path file = properties("port=4444");

        RouterConfig config = ConfigLoader.load(null, Map.of(ConfigLoader.CONFIG_FILE_VARIABLE, file.toString()), Map.of());

        assertThat(config.port()).isEqualTo(4444);
    }

    @Test
    void shouldPreferAnExplicitFileOverRouterConfig() throws IOException {
        Path named = properties("port=4444");
        Path explicit = Files.writeString(dir.resolve("explicit.properties"), "port=5555\n");

        RouterConfig config = ConfigLoader.load(explicit, Map.of("ROUTER_CONFIG", named.toString()), Map.of());

        assertThat(config.port()).isEqualTo(5555);
    }

    @Test
    void shouldLetTheEnvironmentOverrideTheFileNamedByRouterConfig() throws IOException {
        Path file = properties("port=4444", "max_clients=3");

        RouterConfig config = ConfigLoader.load(null, Map.of("ROUTER_CONFIG", file.toString(), "ROUTER_PORT", "4445"),
                Map.of());

        assertThat(config.port()).isEqualTo(4445);
        assertThat(config.maxClients()).isEqualTo(3);
    }

    @Test
    void shouldRejectAnUnknownKeyInTheFileNamingIt() throws IOException {
        Path file = properties("port=1", "max_queue=5");

        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> ConfigLoader.load(file, Map.of(), Map.of()))
                .withMessageContaining("unknown setting 'max_queue'")
                .withMessageContaining(file.toString());
    }

    @Test
    void shouldReportAFileThatCannotBeRead() {
        Path missing = dir.resolve("missing.properties");

        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> ConfigLoader.load(missing, Map.of(), Map.of()))
                .withMessageContaining("cannot read configuration file")
                .withMessageContaining(missing.toString());
        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> ConfigLoader.load(null, Map.of("ROUTER_CONFIG", missing.toString()), Map.of()))
                .withMessageContaining(missing.toString());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "port,                     abc,    expected an integer",
        "port,                     8080.5, expected an integer",
        "port,                     '',     expected an integer",
        "max_queue_size,           10k,    expected an integer",
        "max_clients,              99999999999, expected an integer",
        "idle_timeout_seconds,     soon,   expected an integer",
        "use_multi_queue,          maybe,  expected true or false",
        "use_multi_queue,          2,      expected true or false",
    })
    void shouldNameSettingValueAndOriginOfAValueThatDoesNotParse(String key, String value, String problem)
            throws IOException {
        Setting setting = Setting.fromKey(key);
        Path file = properties(key + "=" + value);

        assertInvalid(() -> ConfigLoader.load(file, Map.of(), Map.of()), key, value, file.toString(), problem);
        assertInvalid(() -> ConfigLoader.load(null, Map.of(setting.environmentVariable(), value), Map.of()),
                key, value, "environment variable " + setting.environmentVariable(), problem);
        assertInvalid(() -> ConfigLoader.load(null, Map.of(), Map.of(setting, value)),
                key, value, "flag " + setting.flag(), problem);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "port,                         70000,  port must be from 0 to 65535",
        "port,                         -1,     port must be from 0 to 65535",
        "max_clients,                  0,      max_clients must be a positive integer",
        "max_queue_size,               -5,     max_queue_size must be a positive integer",
        "max_subscriptions_per_client, 0,      max_subscriptions_per_client must be a positive integer",
        "client_queue_size,            0,      client_queue_size must be a positive integer",
        "slow_consumer_drop_limit,     0,      slow_consumer_drop_limit must be a positive integer",
        "max_frame_size,               1000,   max_frame_size must be at least 1024 bytes",
        "idle_timeout_seconds,         -1,     idle_timeout_seconds must not be negative",
        "shutdown_timeout_seconds,     -1,     shutdown_timeout_seconds must not be negative",
        "log_level,                    LOUD,   log_level must be one of TRACE, DEBUG, INFO, WARN, ERROR",
    })
    void shouldRejectOutOfRangeValuesNamingSettingValueAndOrigin(String key, String value, String problem)
            throws IOException {
        Setting setting = Setting.fromKey(key);
        Path file = properties(key + "=" + value);

        assertInvalid(() -> ConfigLoader.load(file, Map.of(), Map.of()), key, value, file.toString(), problem);
        assertInvalid(() -> ConfigLoader.load(null, Map.of(setting.environmentVariable(), value), Map.of()),
                key, value, "environment variable " + setting.environmentVariable(), problem);
        assertInvalid(() -> ConfigLoader.load(null, Map.of(), Map.of(setting, value)),
                key, value, "flag " + setting.flag(), problem);
    }

    @Test
    void shouldRejectABlankHostNamingItsOrigin() throws IOException {
        Path file = properties("host=");

        assertInvalid(() -> ConfigLoader.load(file, Map.of(), Map.of()), "host", "", file.toString(),
                "host must not be empty");
        assertInvalid(() -> ConfigLoader.load(null, Map.of("ROUTER_HOST", "  "), Map.of()), "host", "  ",
                "environment variable ROUTER_HOST", "host must not be empty");
        assertInvalid(() -> ConfigLoader.load(null, Map.of(), Map.of(Setting.HOST, "")), "host", "",
                "flag --host", "host must not be empty");
    }

    @Test
    void shouldRejectAnInvalidValueEvenWhenALaterLayerOverridesIt() throws IOException {
        Path file = properties("port=70000");

        assertInvalid(() -> ConfigLoader.load(file, Map.of(), Map.of(Setting.PORT, "8080")), "port", "70000",
                file.toString(), "port must be from 0 to 65535");
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource({
        "true, true", "TRUE, true", "yes, true", "on, true", "1, true", "' true ', true",
        "false, false", "False, false", "no, false", "off, false", "0, false",
    })
    void shouldAcceptTheUsualSpellingsOfBooleans(String value, boolean expected) {
        RouterConfig config = ConfigLoader.load(null, Map.of("ROUTER_USE_MULTI_QUEUE", value), Map.of());

        assertThat(config.useMultiQueue()).isEqualTo(expected);
    }

    @Test
    void shouldTrimValues() throws IOException {
        Path file = properties("port =  8081  ", "host = example.org ");

        RouterConfig config = ConfigLoader.load(file, Map.of("ROUTER_MAX_CLIENTS", " 12 "), Map.of());

        assertThat(config.port()).isEqualTo(8081);
        assertThat(config.host()).isEqualTo("example.org");
        assertThat(config.maxClients()).isEqualTo(12);
    }

    @Test
    void shouldNormaliseTheLogLevelToUpperCase() {
        assertThat(ConfigLoader.load(null, Map.of(), Map.of(Setting.LOG_LEVEL, "debug")).logLevel()).isEqualTo("DEBUG");
    }

    private static void assertInvalid(ThrowingCallable load, String key, String value,
            String origin, String problem) {
        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(load)
                .withMessageContaining(key)
                .withMessageContaining("'" + value + "'")
                .withMessageContaining(origin)
                .withMessageContaining(problem);
    }

    private Path properties(String... lines) throws IOException {
        return Files.writeString(dir.resolve("router.properties"), String.join("\n", lines) + "\n");
    }
}
