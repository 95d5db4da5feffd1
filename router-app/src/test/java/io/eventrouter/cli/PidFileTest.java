package io.eventrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {
    private static final URI URL = URI.create("ws://127.0.0.1:9191/");

    @TempDir
    Path data;

    private PidFile pidFile() {
        return new PidFile(new DataDirectory(data));
    }

    @Test
    void shouldBeAbsentWithoutAFile() throws Exception {
        assertThat(pidFile().check()).isInstanceOf(PidFile.State.Absent.class);
    }

    @Test
    void shouldReportALiveJvmAsRunningWithTheRecordedUrl() throws Exception {
        long self = ProcessHandle.current().pid();
        pidFile().write(self, URL);

        PidFile.State state = pidFile().check();

        assertThat(state).isInstanceOf(PidFile.State.Running.class);
        PidFile.State.Running running = (PidFile.State.Running) state;
        assertThat(running.process().pid()).isEqualTo(self);
        assertThat(running.uri()).isEqualTo(URL);
        assertThat(Files.readString(data.resolve("router.pid")).strip()).isEqualTo(Long.toString(self));
    }

    @Test
    void shouldCallTheFileStaleWhenItsProcessHasExited() throws Exception {
        Process finished = new ProcessBuilder(javaCommand(), "-version").redirectErrorStream(true).start();
        finished.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(finished.waitFor(60, TimeUnit.SECONDS)).isTrue();
        pidFile().write(finished.pid(), URL);

        assertThat(pidFile().check()).isEqualTo(new PidFile.State.Stale(Long.toString(finished.pid())));
    }

    @Test
    void shouldCallTheFileStaleWhenItHoldsNoPid() throws Exception {
        Files.writeString(data.resolve("router.pid"), "not a pid\n");

        assertThat(pidFile().check()).isEqualTo(new PidFile.State.Stale("not a pid"));
    }

    @Test
    void shouldNotMistakeAReusedPidOfAnotherProgramForTheRouter() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            pidFile().write(sleeper.pid(), URL);
            assertThat(pidFile().check()).isInstanceOf(PidFile.State.Stale.class);
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void shouldRemoveOnlyItsOwnFiles() throws Exception {
        pidFile().write(4242, URL);

        pidFile().removeIfOwnedBy(4343);
        assertThat(data.resolve("router.pid")).exists();

        pidFile().removeIfOwnedBy(4242);
        assertThat(data.resolve("router.pid")).doesNotExist();
        assertThat(data.resolve("router.url")).doesNotExist();
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
