package io.eventrouter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The executable jar as a person runs it: it starts, logs one line with its URL, serves the
 * protocol, rejects bad configuration with exit code 2, and on SIGTERM closes clients with 1001.
 */
class ExecutableJarTest {
    private static final Path JAR = Path.of("..", "router-app", "target", "event-router.jar");
    private static final Pattern LISTENING = Pattern.compile("listening on (ws://\\S+)");

    private final List<String> output = new ArrayList<>();
    private Process process;

    @AfterEach
    void killProcess() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void shouldServeUntilSigtermThenCloseClientsWith1001() throws Exception {
        process = launch("--host", "127.0.0.1", "--port", "0");
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        URI uri = awaitListening(lines);

        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(uri, new Recorder(frames, closed)).get(20, TimeUnit.SECONDS);
        assertThat(frames.poll(20, TimeUnit.SECONDS)).contains("\"type\":\"welcome\"");
        socket.sendText("{\"type\":\"ping\",\"echo\":\"jar\"}", true).get(20, TimeUnit.SECONDS);
        assertThat(frames.poll(20, TimeUnit.SECONDS)).contains("\"type\":\"pong\"").contains("\"echo\":\"jar\"");

        process.destroy();
        assertThat(closed.get(20, TimeUnit.SECONDS)).isEqualTo(1001);
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void shouldRejectAnInvalidValueWithOneLineAndExitCode2() throws Exception {
        process = launch("--max-queue-size", "lots");
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(err.lines()).hasSize(1);
        assertThat(err).contains("max_queue_size").contains("lots");
    }

    private Process launch(String... args) throws IOException {
        assertThat(Files.isRegularFile(JAR)).as("built jar at %s (run mvn verify)", JAR.toAbsolutePath()).isTrue();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("ROUTER_"));
        return builder.start();
    }

    private URI awaitListening(BufferedReader lines) throws IOException {
        String line;
        while ((line = lines.readLine()) != null) {
            output.add(line);
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                return URI.create(matcher.group(1));
            }
        }
        throw new AssertionError("router exited before listening; output: " + output);
    }

    private record Recorder(BlockingQueue<String> frames, CompletableFuture<Integer> closed) implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            frames.add(data.toString());
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
