package io.eventrouter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RouterConfigTest {

    @Test
    void shouldBuildTheDefaults() {
        RouterConfig config = RouterConfig.builder().build();

        assertThat(config).isEqualTo(new RouterConfig("localhost", 9090, 10_000, 1000, false, 10_485_760, false, 1000,
                10_000, 1000, Duration.ofMinutes(10), Duration.ofSeconds(10), "INFO",
                Path.of(System.getProperty("user.home"), ".event-router")));
    }

    @Test
    void shouldRebuildAnEqualConfigFromToBuilder() {
        RouterConfig config = new RouterConfig("example.org", 0, 5, 6, true, 2048, true, 7, 8, 9, Duration.ZERO,
                Duration.ofSeconds(3), "warn", null);

        assertThat(config.toBuilder().build()).isEqualTo(config);
        assertThat(config.logLevel()).isEqualTo("WARN");
    }

    static Stream<Arguments> invalidBuilders() {
        return Stream.of(
                Arguments.of("port 70000", (UnaryOperator<RouterConfig.Builder>) b -> b.port(70_000), "port", "70000"),
                Arguments.of("port -1", (UnaryOperator<RouterConfig.Builder>) b -> b.port(-1), "port", "-1"),
                Arguments.of("max_clients 0", (UnaryOperator<RouterConfig.Builder>) b -> b.maxClients(0), "max_clients", "0"),
                Arguments.of("max_queue_size 0", (UnaryOperator<RouterConfig.Builder>) b -> b.maxQueueSize(0),
                        "max_queue_size", "0"),
                Arguments.of("max_frame_size 1023", (UnaryOperator<RouterConfig.Builder>) b -> b.maxFrameSize(1023),
                        "max_frame_size", "1023"),
                Arguments.of("log level LOUD", (UnaryOperator<RouterConfig.Builder>) b -> b.logLevel("LOUD"),
                        "log_level", "LOUD"),
                Arguments.of("empty host", (UnaryOperator<RouterConfig.Builder>) b -> b.host(""), "host", ""),
                Arguments.of("negative idle timeout",
                        (UnaryOperator<RouterConfig.Builder>) b -> b.idleTimeout(Duration.ofSeconds(-1)),
                        "idle_timeout_seconds", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBuilders")
    void shouldRejectAnInvalidValueNamingTheSetting(String name, UnaryOperator<RouterConfig.Builder> change,
            String setting, String value) {
        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> change.apply(RouterConfig.builder()).build())
                .withMessageStartingWith(setting)
                .withMessageContaining(value);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "HOST,                         host,                         ROUTER_HOST,                         --host",
        "PORT,                         port,                         ROUTER_PORT,                         --port",
        "MAX_QUEUE_SIZE,               max_queue_size,               ROUTER_MAX_QUEUE_SIZE,               --max-queue-size",
        "USE_MULTI_QUEUE,              use_multi_queue,              ROUTER_USE_MULTI_QUEUE,              --use-multi-queue",
        "MAX_SUBSCRIPTIONS_PER_CLIENT, max_subscriptions_per_client, ROUTER_MAX_SUBSCRIPTIONS_PER_CLIENT, --max-subscriptions-per-client",
        "LOG_LEVEL,                    log_level,                    ROUTER_LOG_LEVEL,                    --log-level",
    })
    void shouldNameASettingConsistentlyInFilesEnvironmentAndFlags(Setting setting, String key, String variable,
            String flag) {
        assertThat(setting.key()).isEqualTo(key);
        assertThat(setting.environmentVariable()).isEqualTo(variable);
        assertThat(setting.flag()).isEqualTo(flag);
        assertThat(Setting.fromKey(key)).isEqualTo(setting);
        assertThat(setting.description()).isNotBlank();
    }

    @Test
    void shouldFindNoSettingForAnUnknownKey() {
        assertThat(Setting.fromKey("max_queue")).isNull();
        assertThat(Setting.fromKey("PORT")).isNull();
        assertThat(Setting.fromKey("")).isNull();
    }
}
