package io.eventrouter.it.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventrouter.client.EventRouterClient;
import io.eventrouter.protocol.Priority;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The management commands of the executable jar against real background routers: start a
 * daemon, read its status, monitor an event, tail its log, stop it, and the failures people
 * meet (already running, stale PID file, port in use, invalid settings).
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES) // each test runs several JVMs on a possibly loaded machine
class ManagementCliTest {
    @TempDir
    Path data;

    @TempDir
    Path outputs;

    private RouterCli cli;
    private int port;
    private final Set<Long> daemons = new HashSet<>();
    private final Set<Process> commands = new HashSet<>();

    @BeforeEach
    void setUp() throws Exception {
        cli = new RouterCli(data, outputs);
        port = freePort();
    }

    @AfterEach
    void killLeftovers() throws Exception {
        commands.forEach(Process::destroyForcibly);
        pidInFile().ifPresent(daemons::add);
        for (long pid : daemons) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void shouldStartReportStatusTailTheLogAndStopADaemon() throws Exception {
        RouterCli.Result start = startDaemon();
        assertThat(start.exitCode()).as(start.all()).isZero();
        assertThat(start.out()).contains("started", "ws://127.0.0.1:" + port + "/");
        long pid = pidInFile().orElseThrow();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);

        RouterCli.Result status = cli.run("status", "--timeout", 60);
        assertThat(status.exitCode()).as(status.all()).isZero();
        assertThat(status.out()).contains("healthy", "pid:", Long.toString(pid), "clients:", "queue depth:");

        RouterCli.Result logs = cli.run("logs", "-n", 5);
        assertThat(logs.exitCode()).as(logs.all()).isZero();
        assertThat(logs.out().lines().count()).isBetween(1L, 5L);
        assertThat(logs.out()).contains("listening on ws://127.0.0.1:" + port);

        RouterCli.Result stop = cli.run("stop");
        assertThat(stop.exitCode()).as(stop.all()).isZero();
        assertThat(stop.out()).contains("Stopped Event Router (pid " + pid + ") in ");
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        assertThat(data.resolve("router.pid")).doesNotExist();

        RouterCli.Result after = cli.run("status", "--host", "127.0.0.1", "--port", port);
        assertThat(after.exitCode()).as(after.all()).isEqualTo(3);
        assertThat(after.out()).contains("not running");
    }

    @Test
    void shouldMonitorAPublishedEventAsOneReadableLine() throws Exception {
        assertThat(startDaemon().exitCode()).isZero();
        RouterCli.Running monitor = cli.launch("monitor", "--count", 1, "task.*");
        commands.add(monitor.process());
        // Events are not stored: publish only once the monitor's subscription is in place.
        await().atMost(RouterCli.PATIENCE).until(() -> monitor.errText().contains("Monitoring task.*")
                || !monitor.process().isAlive());

        try (EventRouterClient publisher = EventRouterClient.connect("ws://127.0.0.1:" + port + "/")) {
            publisher.publish("note.ignored", Map.of("n", 1), Priority.LOW);
            publisher.publish("task.created", Map.of("task_id", "42"), Priority.HIGH);
        }

        RouterCli.Result watched = monitor.await();
        assertThat(watched.exitCode()).as(watched.all()).isZero();
        assertThat(watched.out().strip().lines()).singleElement().asString()
                .contains("P7", "task.created", "{\"task_id\":\"42\"}");
    }

    @Test
    void shouldRefuseToStartASecondRouterFromTheSameDataDirectory() throws Exception {
        assertThat(startDaemon().exitCode()).isZero();
        long pid = pidInFile().orElseThrow();

        RouterCli.Result second = cli.run("start", "--daemon", "--host", "127.0.0.1", "--port", freePort());

        assertThat(second.exitCode()).as(second.all()).isEqualTo(1);
        assertThat(second.err()).contains("already running", "pid " + pid);
        assertThat(pidInFile()).contains(pid);
    }

    @Test
    void shouldReportAndRemoveAStalePidFile() throws Exception {
        long gone = finishedProcessPid();
        Files.writeString(data.resolve("router.pid"), gone + "\n");

        RouterCli.Result status = cli.run("status", "--host", "127.0.0.1", "--port", port);
        assertThat(status.exitCode()).as(status.all()).isEqualTo(3);
        assertThat(status.out()).contains("not running", "stale", Long.toString(gone));

        RouterCli.Result stop = cli.run("stop");
        assertThat(stop.exitCode()).as(stop.all()).isEqualTo(1);
        assertThat(stop.err()).contains("stale", Long.toString(gone));
        assertThat(data.resolve("router.pid")).doesNotExist();

        Files.writeString(data.resolve("router.pid"), gone + "\n");
        RouterCli.Result start = startDaemon();
        assertThat(start.exitCode()).as(start.all()).isZero();
        assertThat(start.out()).contains("stale PID file");
        assertThat(pidInFile()).isPresent().get().isNotEqualTo(gone);
    }

    @Test
    void shouldSayThePortIsInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"))) {
            assertThat(taken.isBound()).isTrue();
            RouterCli.Result start = startDaemon();

            assertThat(start.exitCode()).as(start.all()).isEqualTo(1);
            assertThat(start.err()).contains("port " + port, "already in use");
            assertThat(data.resolve("router.pid")).doesNotExist();
        }
    }

    @Test
    void shouldWriteSettingsThatStartUses() throws Exception {
        RouterCli.Result configure = cli.run("configure", "--set", "max_clients=5", "--set", "host=127.0.0.1",
                "--set", "port=" + port);
        assertThat(configure.exitCode()).as(configure.all()).isZero();
        assertThat(Files.readString(data.resolve("router.properties"))).contains("max_clients=5", "port=" + port);

        RouterCli.Result invalid = cli.run("configure", "--set", "max_clients=-1");
        assertThat(invalid.exitCode()).as(invalid.all()).isEqualTo(2);
        assertThat(invalid.err().strip().lines()).singleElement().asString().contains("max_clients", "-1");
        assertThat(Files.readString(data.resolve("router.properties"))).contains("max_clients=5");

        RouterCli.Result start = cli.run("start", "--daemon", "--wait", 120);
        assertThat(start.exitCode()).as(start.all()).isZero();
        assertThat(start.out()).contains("ws://127.0.0.1:" + port + "/");
    }

    @Test
    void shouldRestartWithANewProcess() throws Exception {
        assertThat(startDaemon().exitCode()).isZero();
        long first = pidInFile().orElseThrow();

        RouterCli.Result restart = cli.run("restart", "--host", "127.0.0.1", "--port", port, "--wait", 120);

        assertThat(restart.exitCode()).as(restart.all()).isZero();
        assertThat(restart.out()).contains("Stopped Event Router (pid " + first + ")", "started");
        long second = pidInFile().orElseThrow();
        daemons.add(second);
        assertThat(second).isNotEqualTo(first);
        assertThat(cli.run("status", "--timeout", 60).exitCode()).isZero();
    }

    private RouterCli.Result startDaemon() throws Exception {
        RouterCli.Result start = cli.run("start", "--daemon", "--host", "127.0.0.1", "--port", port, "--wait", 120);
        pidInFile().ifPresent(daemons::add);
        return start;
    }

    private Optional<Long> pidInFile() throws Exception {
        Path file = data.resolve("router.pid");
        return Files.exists(file) ? Optional.of(Long.parseLong(Files.readString(file).strip())) : Optional.empty();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    /** The pid of a process that has exited: what a PID file holds after its router died. */
    private static long finishedProcessPid() throws Exception {
        Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-version")
                .redirectErrorStream(true).start();
        process.getInputStream().transferTo(OutputStream.nullOutputStream());
        assertThat(process.waitFor(RouterCli.PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        return process.pid();
    }
}
