package io.eventrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventrouter.testing.RunningRouter;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code status} against a real router in this JVM, and against a port where nothing listens. */
class StatusCommandTest {
    /** Seconds; a loaded machine may take long to answer a router's first request. */
    private static final int PATIENCE = 60;

    @TempDir
    Path data;

    @Test
    void shouldPrintTheHealthFiguresAndExitZeroWhenTheRouterAnswers() {
        try (RunningRouter router = RunningRouter.start()) {
            Cli.Result status = Cli.run("status", "--data-dir", data, "--host", "127.0.0.1",
                    "--port", router.server().port(), "--timeout", PATIENCE);

            assertThat(status.exitCode()).as(status.all()).isZero();
            assertThat(status.out()).contains("Event Router is running", "status:", "healthy", "uptime:",
                    "clients:", "subscriptions:", "queue depth:", "0 of 10000", "events:", "last event:", "none yet");
            assertThat(status.out()).contains("pid:", "unknown (not started with 'event-router start'");
        }
    }

    @Test
    void shouldFindTheRouterThroughTheUrlRecordedBesideItsPidFile() throws Exception {
        try (RunningRouter router = RunningRouter.start()) {
            // This test's JVM stands in for the router's process: it is alive and it is java.
            new PidFile(new DataDirectory(data)).write(ProcessHandle.current().pid(), router.uri());

            Cli.Result status = Cli.run("status", "--data-dir", data, "--timeout", PATIENCE);

            assertThat(status.exitCode()).as(status.all()).isZero();
            assertThat(status.out()).contains("pid:           " + ProcessHandle.current().pid(), router.uri().toString());
        }
    }

    @Test
    void shouldExitThreeWhenNothingAnswers() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }

        Cli.Result status = Cli.run("status", "--data-dir", data, "--host", "127.0.0.1", "--port", port);

        assertThat(status.exitCode()).isEqualTo(ExitCode.NOT_RUNNING).isEqualTo(3);
        assertThat(status.out()).contains("not running", "no PID file", "connection refused");
    }

    @Test
    void shouldExitTwoForAnInvalidPort() {
        Cli.Result status = Cli.run("status", "--data-dir", data, "--port", "many");

        assertThat(status.exitCode()).isEqualTo(2);
        assertThat(status.err()).contains("port", "many");
    }
}
