package io.eventrouter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory's router.properties: where it is read from, and run-time changes applied to a config. */
class SavedConfigTest {
    @TempDir
    Path dataDir;

    @TempDir
    Path elsewhere;

    @Test
    void shouldReadTheSavedFileInTheDataDirectoryNamedByTheEnvironment() throws IOException {
        Files.writeString(dataDir.resolve("router.properties"), "max_clients=7\n");

        RouterConfig config = ConfigLoader.load(null, Map.of("ROUTER_DATA_DIR", dataDir.toString()), Map.of());

        assertThat(config.maxClients()).isEqualTo(7);
        assertThat(config.dataDir()).isEqualTo(dataDir);
        assertThat(ConfigLoader.savedConfigFile(config)).isEqualTo(dataDir.resolve("router.properties"));
    }

    @Test
    void shouldReadTheSavedFileInTheDataDirectoryGivenAsAFlag() throws IOException {
        Files.writeString(dataDir.resolve("router.properties"), "max_clients=7\n");

        RouterConfig config = ConfigLoader.load(null, Map.of("ROUTER_DATA_DIR", elsewhere.toString()),
                Map.of(Setting.DATA_DIR, dataDir.toString()));

        assertThat(config.maxClients()).isEqualTo(7);
        assertThat(config.dataDir()).isEqualTo(dataDir);
    }

    @Test
    void shouldStartFromTheDefaultsWhenTheDataDirectoryHasNoSavedFile() {
        RouterConfig config = ConfigLoader.load(null, Map.of(), Map.of(Setting.DATA_DIR, dataDir.toString()));

        assertThat(config).isEqualTo(RouterConfig.builder().dataDir(dataDir).build());
    }

    @Test
    void shouldReadAnExplicitFileInsteadOfTheSavedOne() throws IOException {
        Files.writeString(dataDir.resolve("router.properties"), "max_clients=7\nport=1111\n");
        Path explicit = Files.writeString(elsewhere.resolve("explicit.properties"), "port=2222\n");
        Map<String, String> environment = Map.of("ROUTER_DATA_DIR", dataDir.toString());

        RouterConfig fromFlag = ConfigLoader.load(explicit, environment, Map.of());
        RouterConfig fromVariable = ConfigLoader.load(null,
                Map.of("ROUTER_DATA_DIR", dataDir.toString(), "ROUTER_CONFIG", explicit.toString()), Map.of());

        for (RouterConfig config : new RouterConfig[] {fromFlag, fromVariable}) {
            assertThat(config.port()).isEqualTo(2222);
            assertThat(config.maxClients()).isEqualTo(RouterConfig.DEFAULT_MAX_CLIENTS);
        }
    }

    @Test
    void shouldLetTheEnvironmentAndFlagsOverrideTheSavedFile() throws IOException {
        Files.writeString(dataDir.resolve("router.properties"), "max_clients=7\nport=1111\n");

        RouterConfig config = ConfigLoader.load(null,
                Map.of("ROUTER_DATA_DIR", dataDir.toString(), "ROUTER_MAX_CLIENTS", "8"), Map.of(Setting.PORT, "0"));

        assertThat(config.maxClients()).isEqualTo(8);
        assertThat(config.port()).isZero();
    }

    @Test
    void shouldRefuseADataDirectorySetInsideTheFileItLocates() throws IOException {
        Path saved = Files.writeString(dataDir.resolve("router.properties"), "data_dir=/tmp/other\n");

        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> ConfigLoader.load(null, Map.of("ROUTER_DATA_DIR", dataDir.toString()), Map.of()))
                .withMessageContaining("data_dir cannot be set in " + saved)
                .withMessageContaining("ROUTER_DATA_DIR");
    }

    @Test
    void shouldRejectABlankDataDirectory() {
        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> ConfigLoader.load(null, Map.of("ROUTER_DATA_DIR", " "), Map.of()))
                .withMessageContaining("data_dir must not be empty")
                .withMessageContaining("environment variable ROUTER_DATA_DIR");
    }

    @Test
    void shouldApplyChangesByKeyValidatingThemAsAnyOtherSource() {
        RouterConfig base = RouterConfig.builder().dataDir(dataDir).build();
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("max_clients", "20");
        changes.put("use_multi_queue", "yes");
        changes.put("log_level", "debug");

        RouterConfig changed = ConfigLoader.applyChanges(base, changes, "admin API");

        assertThat(changed).isEqualTo(base.toBuilder().maxClients(20).useMultiQueue(true).logLevel("DEBUG").build());
    }

    @Test
    void shouldNameTheKeyValueAndOriginOfAnInvalidChange() {
        RouterConfig base = RouterConfig.defaults();

        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> ConfigLoader.applyChanges(base, Map.of("max_clients", "-1"), "admin API"))
                .withMessage("invalid value '-1' for max_clients (from admin API): "
                        + "max_clients must be a positive integer, got -1");
        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> ConfigLoader.applyChanges(base, Map.of("max_clients", "lots"), "admin API"))
                .withMessage("invalid value 'lots' for max_clients (from admin API): expected an integer");
        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> ConfigLoader.applyChanges(base, Map.of("max_clientz", "5"), "admin API"))
                .withMessage("unknown setting 'max_clientz' (from admin API)");
    }

    @Test
    void shouldTellWhichSettingsAChangeTakesEffectForAtOnce() {
        assertThat(Setting.values())
                .filteredOn(Setting::changeableAtRunTime)
                .containsExactlyInAnyOrder(Setting.MAX_CLIENTS, Setting.PERMESSAGE_DEFLATE, Setting.MAX_SUBSCRIPTIONS_PER_CLIENT,
                        Setting.CLIENT_QUEUE_SIZE, Setting.SLOW_CONSUMER_DROP_LIMIT, Setting.IDLE_TIMEOUT_SECONDS,
                        Setting.SHUTDOWN_TIMEOUT_SECONDS, Setting.LOG_LEVEL);
    }

    @Test
    void shouldGiveEachSettingsValueTypedForJson() {
        RouterConfig config = RouterConfig.builder().port(81).useMultiQueue(true).dataDir(dataDir).build();

        assertThat(Setting.PORT.valueIn(config)).isEqualTo(81);
        assertThat(Setting.USE_MULTI_QUEUE.valueIn(config)).isEqualTo(true);
        assertThat(Setting.IDLE_TIMEOUT_SECONDS.valueIn(config)).isEqualTo(600L);
        assertThat(Setting.LOG_LEVEL.valueIn(config)).isEqualTo("INFO");
        assertThat(Setting.DATA_DIR.valueIn(config)).isEqualTo(dataDir.toString());
    }
}
