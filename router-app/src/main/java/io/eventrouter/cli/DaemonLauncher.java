package io.eventrouter.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code event-router start} in a background process with the same JVM and jar, its
 * output appended to the data directory's log, and waits until that router has written its
 * PID file and answers a {@code ping}, or has exited, or the wait is over.
 */
final class DaemonLauncher {
    /** How often the wait looks at the PID file; each pause ends early if the child exits. */
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private static final int LOG_LINES_ON_FAILURE = 15;
    // Started in a new session, the router no longer gets the terminal's Ctrl-C or hang-up.
    private static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

    private final DataDirectory directory;
    private final PrintWriter out;
    private final PrintWriter err;

    DaemonLauncher(DataDirectory directory, PrintWriter out, PrintWriter err) {
        this.directory = directory;
        this.out = out;
        this.err = err;
    }

    int launch(List<String> serverArguments, Duration wait) throws IOException, InterruptedException {
        Path log = directory.logFile();
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        List<String> command = command(serverArguments);
        Process child;
        try {
            child = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IOException("cannot launch " + String.join(" ", command) + ": " + Failures.describe(e), e);
        }
        return awaitReady(child, log, logStart, wait);
    }

    private int awaitReady(Process child, Path log, long logStart, Duration wait)
            throws IOException, InterruptedException {
        PidFile pidFile = new PidFile(directory);
        RouterProbe probe = new RouterProbe(PROBE_TIMEOUT);
        Instant deadline = Instant.now().plus(wait);
        while (true) {
            if (pidFile.check() instanceof PidFile.State.Running running
                    && running.process().pid() == child.pid() && running.uri() != null
                    && probe.answersPing(running.uri())) {
                out.println("Event Router started in the background (pid " + child.pid() + "), listening on "
                        + running.uri());
                out.println("Log: " + log);
                return ExitCode.OK;
            }
            if (!child.isAlive()) {
                reportExit(child.exitValue(), log, logStart);
                return ExitCode.FAILURE;
            }
            if (Instant.now().isAfter(deadline)) {
                err.println("error: the router (pid " + child.pid() + ") did not answer within " + wait.toSeconds()
                        + " s; it is still running and may be starting slowly. Check 'event-router status' and "
                        + "'event-router logs' (" + log + ").");
                return ExitCode.FAILURE;
            }
            child.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The router's own "error:" lines say why it stopped; without them, the end of its output. */
    private void reportExit(int exitCode, Path log, long logStart) throws IOException {
        List<String> lines = linesSince(log, logStart);
        List<String> errors = lines.stream().filter(line -> line.startsWith("error:")).toList();
        if (errors.isEmpty()) {
            err.println("error: the router exited with code " + exitCode + " before answering; the end of " + log + ":");
            lines.subList(Math.max(0, lines.size() - LOG_LINES_ON_FAILURE), lines.size())
                    .forEach(line -> err.println("  " + line));
        } else {
            errors.forEach(err::println);
            err.println("The router exited with code " + exitCode + "; its output is in " + log);
        }
    }

    private static List<String> linesSince(Path log, long offset) throws IOException {
        try (InputStream in = Files.newInputStream(log)) {
            in.skipNBytes(Math.min(offset, Files.size(log)));
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private List<String> command(List<String> serverArguments) {
        List<String> command = new ArrayList<>();
        SETSID.stream().filter(Files::isExecutable).findFirst().ifPresent(setsid -> command.add(setsid.toString()));
        command.add(javaExecutable());
        command.addAll(jvmOptions());
        command.add("-cp");
        command.add(classPath());
        command.add(Main.class.getName());
        command.add("start");
        command.add("--data-dir=" + directory.root());
        command.addAll(serverArguments);
        return command;
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * This JVM's options (heap size, system properties) apply to the router too, except a
     * debugger or agent: a second JVM could not bind the same debug port.
     */
    private static List<String> jvmOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> !option.startsWith("-agentlib:") && !option.startsWith("-agentpath:")
                        && !option.startsWith("-javaagent:") && !option.startsWith("-Xrunjdwp")
                        && !option.equals("-Xdebug"))
                .toList();
    }

    /** The same jar (or classes) as this process, as absolute paths. */
    private static String classPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
