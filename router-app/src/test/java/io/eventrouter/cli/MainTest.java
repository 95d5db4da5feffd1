package io.eventrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Exit codes of the command line; every case here stops before a server would serve. */
class MainTest {
    @TempDir
    Path data;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--help", "-h", "--version", "-V"})
    void shouldExitWithZeroForHelpAndVersion(String flag) {
        assertThat(Main.run(Map.of(), flag)).isZero();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "--port,                      abc",
        "--port,                      70000",
        "--max-queue-size,            0",
        "--max-clients,               many",
        "--multi-queue,               maybe",
        "--use-multi-queue,           maybe",
        "--max-frame-size,            10",
        "--max-subscriptions-per-client, -1",
        "--client-queue-size,         x",
        "--slow-consumer-drop-limit,  0",
        "--idle-timeout-seconds,      -1",
        "--shutdown-timeout-seconds,  later",
        "--log-level,                 LOUD",
        "--host,                      ' '",
        "--data-dir,                  ' '",
        "--config,                    /nonexistent/router.properties",
    })
    void shouldExitWithTwoForAnInvalidFlagValue(String flag, String value) {
        assertThat(Main.run(Map.of(), flag, value)).isEqualTo(Main.EXIT_CONFIG).isEqualTo(2);
        assertThat(Main.run(Map.of(), flag + "=" + value)).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--bogus", "--prot=9090", "-x", "serve"})
    void shouldExitWithTwoForAnUnknownFlagOrArgument(String argument) {
        assertThat(Main.run(Map.of(), argument)).isEqualTo(2);
    }

    @Test
    void shouldExitWithTwoWhenAFlagLacksItsValue() {
        assertThat(Main.run(Map.of(), "--port")).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"start", "stop", "restart", "status", "configure", "monitor", "logs"})
    void shouldDescribeEveryCommandWithItsExitCodes(String command) {
        Cli.Result help = Cli.run(command, "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: event-router " + command, "Exit codes:", "--data-dir");
    }

    @Test
    void shouldRefuseRouterFlagsPlacedBeforeACommand() {
        Cli.Result misplaced = Cli.run("--port", "9191", "start");

        assertThat(misplaced.exitCode()).isEqualTo(2);
        assertThat(misplaced.err()).contains("event-router start --port 9191");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "start --wait 0",
        "start --port abc",
        "restart --wait 0",
        "status --timeout 0",
        "logs -n -1",
        "monitor a.b*",
        "monitor --count 0",
        "start --no-such-flag",
    })
    void shouldExitWithTwoForInvalidCommandArguments(String commandLine) {
        String[] args = (commandLine + " --data-dir " + data).split(" ");

        assertThat(Cli.run((Object[]) args).exitCode()).isEqualTo(2);
    }

    @Test
    void shouldSayThePortIsInUseAndExitWithOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Cli.Result serve = Cli.run("--host", "127.0.0.1", "--port", taken.getLocalPort());

            assertThat(serve.exitCode()).isEqualTo(Main.EXIT_START_FAILED).isEqualTo(1);
            assertThat(serve.err()).contains("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use");
        }
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "ROUTER_PORT,            abc",
        "ROUTER_PORT,            70000",
        "ROUTER_MAX_CLIENTS,     0",
        "ROUTER_USE_MULTI_QUEUE, perhaps",
        "ROUTER_LOG_LEVEL,       LOUD",
        "ROUTER_CONFIG,          /nonexistent/router.properties",
    })
    void shouldExitWithTwoForAnInvalidEnvironmentValue(String variable, String value) {
        assertThat(Main.run(Map.of(variable, value))).isEqualTo(2);
    }

    @Test
    void shouldExitWithTwoForAnInvalidEnvironmentValueEvenWhenFlagsAreValid() {
        assertThat(Main.run(Map.of("ROUTER_MAX_QUEUE_SIZE", "lots"), "--port", "0")).isEqualTo(2);
    }
}
