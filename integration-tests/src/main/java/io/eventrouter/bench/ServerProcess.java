package io.eventrouter.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One server JVM on 127.0.0.1: started with the shared JVM flags and the scenario's limits,
 * probed until it answers a WebSocket handshake with {@code welcome}, measured through
 * {@code /proc} and {@code jcmd}, and stopped with SIGTERM (then SIGKILL).
 */
final class ServerProcess implements AutoCloseable {
    private static final Pattern HEAP_USED = Pattern.compile("\\bused (\\d+)K");
    private static final Pattern VM_RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");
    private static final long PROBE_MILLIS = 2_000;
    private static final long STOP_SECONDS = 20;
    /** USER_HZ, 100 on every Linux the JDK runs on. */
    private static final int CLOCK_TICKS_PER_SECOND = 100;

    /** How servers are launched; the same for both kinds. */
    record Launch(String java, List<String> jvmOptions, Path routerJar, String classpath, Path logDir, Path jfrDir) {
        Launch {
            jvmOptions = List.copyOf(jvmOptions);
        }
    }

    /** Server memory at one moment, after a full GC: resident set and live heap. */
    record MemorySample(long rssKb, long heapUsedKb) {}

    private final ServerKind kind;
    private final Process process;
    private final Path log;
    private final URI uri;

    private ServerProcess(ServerKind kind, Process process, Path log, int port) {
        this.kind = kind;
        this.process = process;
        this.log = log;
        this.uri = URI.create("ws://127.0.0.1:" + port + "/");
    }

    /** Launches the server; call {@link #awaitReady} before using it. */
    static ServerProcess start(ServerKind kind, ServerLimits limits, Launch launch, String label) throws IOException {
        int port = freePort();
        Files.createDirectories(launch.logDir());
        Path log = launch.logDir().resolve(label + "-" + kind.label + ".log");
        List<String> command = new ArrayList<>();
        command.add(launch.java());
        command.addAll(launch.jvmOptions());
        if (launch.jfrDir() != null) {
            Files.createDirectories(launch.jfrDir());
            command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + launch.jfrDir().resolve(label + "-" + kind.label + ".jfr"));
        }
        command.addAll(kind.launchArguments(launch.routerJar(), launch.classpath()));
        command.addAll(List.of("--host", "127.0.0.1", "--port", Integer.toString(port), "--log-level", "WARN"));
        command.addAll(limits.flags());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("ROUTER_"));
        return new ServerProcess(kind, builder.start(), log, port);
    }

    /**
     * Waits until a WebSocket handshake gets a {@code welcome}, retrying until the deadline;
     * fails at once if the process exits.
     */
    void awaitReady(BenchClient client, long deadlineNanos) throws InterruptedException {
        Throwable last = null;
        while (System.nanoTime() < deadlineNanos) {
            Probe probe = new Probe();
            client.connect(uri, probe);
            try {
                probe.ready.get(PROBE_MILLIS, TimeUnit.MILLISECONDS);
                probe.close();
                probe.awaitClosed(PROBE_MILLIS);
                return;
            } catch (ExecutionException | TimeoutException notYet) {
                last = notYet.getCause() == null ? notYet : notYet.getCause();
                probe.abort();
            }
            try {
                // Connection refused comes back at once: pause until the next try, or stop early
                // if the server died.
                process.onExit().get(100, TimeUnit.MILLISECONDS);
                throw new IllegalStateException(kind.label + " server exited with " + process.exitValue()
                        + " before accepting connections; log " + log + ":\n" + logTail());
            } catch (ExecutionException | TimeoutException stillRunning) {
                // try again
            }
        }
        throw new IllegalStateException(kind.label + " server did not answer on " + uri + " in time (last error: "
                + last + "); log " + log + ":\n" + logTail());
    }

    URI uri() {
        return uri;
    }

    ServerKind kind() {
        return kind;
    }

    long pid() {
        return process.pid();
    }

    /** How many files the server holds open, its sockets among them (from {@code /proc/<pid>/fd}). */
    long openFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("/proc", Long.toString(pid()), "fd"))) {
            return files.count();
        }
    }

    /**
     * CPU time the server has used so far (user + system, all threads), from
     * {@code /proc/<pid>/stat} in clock ticks of 10 ms; -1 if unreadable.
     */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is the state (field 3 of stat), so utime and stime (14, 15) are 11 and 12.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Runs a full GC in the server, then reads its live heap and resident set. */
    MemorySample memory(String java) throws IOException, InterruptedException {
        jcmd(java, "GC.run");
        String heapInfo = jcmd(java, "GC.heap_info");
        Matcher heap = HEAP_USED.matcher(heapInfo);
        long heapKb = heap.find() ? Long.parseLong(heap.group(1)) : -1;
        Matcher rss = VM_RSS.matcher(Files.readString(Path.of("/proc", Long.toString(pid()), "status")));
        long rssKb = rss.find() ? Long.parseLong(rss.group(1)) : -1;
        return new MemorySample(rssKb, heapKb);
    }

    private String jcmd(String java, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(java).resolveSibling("jcmd");
        String executable = Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd";
        Process tool = new ProcessBuilder(executable, Long.toString(pid()), command).redirectErrorStream(true).start();
        String output = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!tool.waitFor(60, TimeUnit.SECONDS) || tool.exitValue() != 0) {
            throw new IOException("jcmd " + pid() + " " + command + " failed: " + output.strip());
        }
        return output;
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the server without a graceful shutdown (after measurements that need none). */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(STOP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    /** A connection that is ready once the server said {@code welcome}. */
    private static final class Probe extends Connection {
        Probe() {
            super(new Counters());
        }

        @Override
        void onText(byte[] data) {
            if (welcome(data)) {
                ready.complete(this);
            } else {
                ready.completeExceptionally(new IllegalStateException(Ascii.string(data, 0, data.length)));
            }
        }
    }
}
