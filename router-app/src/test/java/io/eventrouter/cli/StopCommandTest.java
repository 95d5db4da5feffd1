package io.eventrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stop} when there is nothing to stop; stopping real routers is in the integration tests. */
class StopCommandTest {
    @TempDir
    Path data;

    @Test
    void shouldExitOneWithoutAPidFile() {
        Cli.Result stop = Cli.run("stop", "--data-dir", data);

        assertThat(stop.exitCode()).isEqualTo(1);
        assertThat(stop.err()).contains("not running", "no PID file");
    }

    @Test
    void shouldRemoveAStalePidFileAndSaySo() throws Exception {
        Files.writeString(data.resolve("router.pid"), "not-a-pid\n");

        Cli.Result stop = Cli.run("stop", "--data-dir", data);

        assertThat(stop.exitCode()).isEqualTo(1);
        assertThat(stop.err()).contains("not running", "stale PID file");
        assertThat(data.resolve("router.pid")).doesNotExist();
    }

    @Test
    void shouldRejectANonPositiveTimeout() {
        assertThat(Cli.run("stop", "--data-dir", data, "--timeout", "0").exitCode()).isEqualTo(2);
    }
}
