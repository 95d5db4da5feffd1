package io.eventrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code stop} when there is nothing to stop, and the wait options of the commands that wait;
 * stopping real routers is in the integration tests.
 */
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

    /** Every command that waits checks its wait the same way, before doing anything. */
    @ParameterizedTest
    @CsvSource({
        "stop,    --timeout, 0",
        "status,  --timeout, -1",
        "start,   --wait,    0",
        "restart, --timeout, 0",
        "restart, --wait,    -3",
    })
    void shouldRejectANonPositiveWaitWithUsageError(String command, String option, String value) {
        Cli.Result result = Cli.run(command, "--data-dir", data, option, value);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("error: " + option + " must be a positive number of seconds, got " + value);
        assertThat(data.resolve("router.pid")).doesNotExist();
    }
}
