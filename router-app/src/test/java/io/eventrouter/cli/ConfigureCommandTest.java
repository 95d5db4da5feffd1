package io.eventrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventrouter.config.ConfigLoader;
import io.eventrouter.config.RouterConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigureCommandTest {
    @TempDir
    Path data;

    private Path file() {
        return data.resolve("router.properties");
    }

    private RouterConfig loaded() {
        return ConfigLoader.load(file(), Map.of(), Map.of());
    }

    @Test
    void shouldWriteSetValuesThatTheRouterThenLoads() {
        Cli.Result configure = Cli.run("configure", "--data-dir", data, "--set", "max_clients=5", "--set", "use_multi_queue=yes");

        assertThat(configure.exitCode()).as(configure.all()).isZero();
        assertThat(configure.out()).contains("Saved " + file());
        assertThat(loaded().maxClients()).isEqualTo(5);
        assertThat(loaded().useMultiQueue()).isTrue();
    }

    @Test
    void shouldRejectAnInvalidValueWithOneLineAndExitTwoLeavingTheFileAlone() throws Exception {
        Cli.run("configure", "--data-dir", data, "--set", "max_clients=5");
        String before = Files.readString(file());

        Cli.Result configure = Cli.run("configure", "--data-dir", data, "--set", "port=9191", "--set", "max_clients=-1");

        assertThat(configure.exitCode()).isEqualTo(2);
        assertThat(configure.err().strip().lines()).hasSize(1);
        assertThat(configure.err()).contains("max_clients", "-1", "(from --set)").doesNotContain("flag");
        assertThat(Files.readString(file())).isEqualTo(before);
    }

    @Test
    void shouldRejectAnUnknownKeyOrAMissingValue() {
        Cli.Result unknown = Cli.run("configure", "--data-dir", data, "--set", "max_klients=5");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown setting 'max_klients'", "max_clients");

        assertThat(Cli.run("configure", "--data-dir", data, "--set", "max_clients").exitCode()).isEqualTo(2);
        assertThat(file()).doesNotExist();
    }

    @Test
    void shouldUnsetAValueSoTheDefaultApplies() {
        Cli.run("configure", "--data-dir", data, "--set", "max_clients=5", "--set", "port=9191");

        assertThat(Cli.run("configure", "--data-dir", data, "--unset", "max_clients").exitCode()).isZero();

        assertThat(loaded().maxClients()).isEqualTo(RouterConfig.DEFAULT_MAX_CLIENTS);
        assertThat(loaded().port()).isEqualTo(9191);
    }

    @Test
    void shouldShowValuesDefaultsAndEnvironmentOverrides() {
        Cli.run("configure", "--data-dir", data, "--set", "max_clients=5");

        Cli.Result show = Cli.run(Map.of("ROUTER_PORT", "9292"), "", "configure", "--data-dir", data, "--show");

        assertThat(show.exitCode()).isZero();
        assertThat(show.out()).containsPattern("max_clients +5\\R")
                .containsPattern("max_queue_size +10000 +\\(default\\)")
                .contains("(overridden by ROUTER_PORT=9292)");
    }

    @Test
    void shouldAskForEachSettingKeepingCurrentValuesOnEnterAndAskingAgainAfterAnInvalidAnswer() {
        Cli.run("configure", "--data-dir", data, "--set", "max_clients=5");
        // host, port (invalid, then valid), max_queue_size, max_clients (keep), then Enter for the rest
        String answers = "\n70000\n9191\n20000\n\n" + "\n".repeat(20);

        Cli.Result configure = Cli.run(Map.of(), answers, "configure", "--data-dir", data);

        assertThat(configure.exitCode()).as(configure.all()).isZero();
        assertThat(configure.out()).contains("port - TCP port", "[9090]", "max_clients - connections served at once [5]",
                "port must be from 0 to 65535, got 70000; try again");
        RouterConfig config = loaded();
        assertThat(config.port()).isEqualTo(9191);
        assertThat(config.maxQueueSize()).isEqualTo(20000);
        assertThat(config.maxClients()).isEqualTo(5);
        assertThat(config.idleTimeout()).isEqualTo(RouterConfig.DEFAULT_IDLE_TIMEOUT);
    }

    @Test
    void shouldRestoreADefaultWhenTheAnswerIsADash() {
        Cli.run("configure", "--data-dir", data, "--set", "idle_timeout_seconds=5");
        String answers = "\n".repeat(10) + "-\n" + "\n".repeat(10);

        assertThat(Cli.run(Map.of(), answers, "configure", "--data-dir", data).exitCode()).isZero();

        assertThat(loaded().idleTimeout()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void shouldSaveNothingWhenTheInputEndsEarly() {
        Cli.Result configure = Cli.run(Map.of(), "localhost\n9191\n", "configure", "--data-dir", data);

        assertThat(configure.exitCode()).isEqualTo(1);
        assertThat(configure.err()).contains("nothing was saved");
        assertThat(file()).doesNotExist();
    }

    @Test
    void shouldKeepKeysItDoesNotKnow() throws Exception {
        Files.writeString(file(), "port=9191\nfuture_setting=on\n");

        Cli.Result configure = Cli.run("configure", "--data-dir", data, "--set", "max_clients=5");

        assertThat(configure.exitCode()).isZero();
        assertThat(Files.readString(file())).contains("port=9191", "max_clients=5", "future_setting=on");
    }
}
