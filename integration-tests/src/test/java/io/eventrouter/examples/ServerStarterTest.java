package io.eventrouter.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventrouter.config.ConfigException;
import io.eventrouter.config.RouterConfig;
import io.eventrouter.protocol.Health;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ServerStarter} as people run it: its own JVM, stopped by a signal (SIGTERM here; Ctrl-C
 * sends SIGINT, and both run the JVM's shutdown hooks) or by {@code --stop-after}.
 */
class ServerStarterTest {
    private static final Pattern LISTENING = Pattern.compile("listening on (ws://\\S+)");
    private static final Pattern STOPPED = Pattern.compile("stopped gracefully in \\d+ ms");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Process process;

    @AfterEach
    void killProcess() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void shouldBuildTheConfigurationFromItsFlags() {
        ServerStarter.Options options = ServerStarter.parse("--host", "127.0.0.1", "--port", "0",
                "--max-queue-size", "500", "--multi-queue", "--stop-after", "30");

        RouterConfig config = options.config();
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isZero();
        assertThat(config.maxQueueSize()).isEqualTo(500);
        assertThat(config.useMultiQueue()).isTrue();
        assertThat(config.shutdownTimeout()).isEqualTo(ServerStarter.SHUTDOWN_TIMEOUT);
        assertThat(options.stopAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldDefaultToTheRoutersAddressAndServeUntilStopped() {
        ServerStarter.Options options = ServerStarter.parse();

        assertThat(options.config().host()).isEqualTo(RouterConfig.DEFAULT_HOST);
        assertThat(options.config().port()).isEqualTo(RouterConfig.DEFAULT_PORT);
        assertThat(options.config().useMultiQueue()).isFalse();
        assertThat(options.stopAfter()).isNull();
    }

    @Test
    void shouldRejectUnknownFlagsAndBadValues() {
        assertThatThrownBy(() -> ServerStarter.parse("--verbose")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--verbose");
        assertThatThrownBy(() -> ServerStarter.parse("--port", "lots")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lots");
        assertThatThrownBy(() -> ServerStarter.parse("--port")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> ServerStarter.parse("--stop-after", "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerStarter.parse("--port", "70000")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("port");
    }

    @Test
    void shouldServeClientsUntilSigtermThenStopGracefully() throws Exception {
        process = launch("--host", "127.0.0.1", "--port", "0", "--max-queue-size", "500");
        Output output = new Output(process);
        URI url = URI.create(output.await(LISTENING).group(1));

        TestClient.Report report = TestClient.run(url.toString(), event -> {});
        assertThat(report.received()).hasSameSizeAs(TestClient.SAMPLES);
        assertThat(report.health().status()).isEqualTo(Health.HEALTHY);
        HttpResponse<String> ready = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://" + url.getAuthority() + "/health/ready")).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);

        // SIGTERM through the handle: Process.destroy() would also close our end of its output.
        assertThat(process.toHandle().destroy()).isTrue();
        output.await(STOPPED);
        assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void shouldStopByItselfWithStopAfter() throws Exception {
        process = launch("--host", "127.0.0.1", "--port", "0", "--stop-after", "1");
        Output output = new Output(process);
        output.await(LISTENING);

        output.await(STOPPED);
        assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
    }

    /** The example's main class in a JVM of its own, with this test's class path. */
    private static Process launch(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ServerStarter.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** The process's output, read on a thread of its own so that waiting for a line can time out. */
    private static final class Output {
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final List<String> seen = new ArrayList<>();

        Output(Process process) {
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    in.lines().forEach(lines::add);
                } catch (IOException | UncheckedIOException e) {
                    // The process ended; what it wrote is in the queue.
                }
            }, "server-starter-output");
            reader.setDaemon(true);
            reader.start();
        }

        Matcher await(Pattern pattern) throws InterruptedException, TimeoutException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new TimeoutException("No line matching '" + pattern + "'; output so far: " + seen);
                }
                seen.add(line);
                Matcher matcher = pattern.matcher(line);
                if (matcher.find()) {
                    return matcher;
                }
            }
        }
    }
}
