package io.eventrouter.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executable jar run as a person runs it, every command with its own data directory and
 * without the caller's {@code ROUTER_*} variables. Output goes to files so a test can wait for a
 * line from a command that is still running.
 */
final class RouterCli {
    static final Path JAR = Path.of("..", "router-app", "target", "event-router.jar");
    /** A shared, loaded machine can take long to start a JVM; commands normally take seconds. */
    static final Duration PATIENCE = Duration.ofMinutes(2);

    private final Path data;
    private final Path outputs;
    private final AtomicInteger sequence = new AtomicInteger();

    RouterCli(Path data, Path outputs) {
        this.data = data;
        this.outputs = outputs;
    }

    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    /** A command still running, e.g. {@code monitor}. */
    record Running(Process process, Path out, Path err) {
        String outText() throws IOException {
            return Files.readString(out, StandardCharsets.UTF_8);
        }

        String errText() throws IOException {
            return Files.readString(err, StandardCharsets.UTF_8);
        }

        Result await() throws IOException, InterruptedException {
            assertThat(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                    .as("command finished within %s; output so far: %s %s", PATIENCE, outText(), errText()).isTrue();
            return new Result(process.exitValue(), outText(), errText());
        }
    }

    Path data() {
        return data;
    }

    /** Runs {@code event-router ARGS --data-dir DATA} to completion. */
    Result run(Object... args) throws IOException, InterruptedException {
        return launch(args).await();
    }

    Running launch(Object... args) throws IOException {
        assertThat(Files.isRegularFile(JAR)).as("built jar at %s (run mvn verify)", JAR.toAbsolutePath()).isTrue();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-jar");
        command.add(JAR.toString());
        for (Object arg : args) {
            command.add(String.valueOf(arg));
        }
        command.add("--data-dir");
        command.add(data.toString());
        int n = sequence.incrementAndGet();
        Path out = outputs.resolve(n + "-" + args[0] + ".out");
        Path err = outputs.resolve(n + "-" + args[0] + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("ROUTER_"));
        return new Running(builder.start(), out, err);
    }
}
