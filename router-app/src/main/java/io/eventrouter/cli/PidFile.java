package io.eventrouter.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * {@code router.pid} names the process of the router that {@code start} runs from a data
 * directory; {@code router.url} beside it records the URL that router actually serves (a
 * router started with {@code --port 9191} or port 0 is otherwise unknowable to {@code status}).
 * The router writes both once it accepts connections and removes them when it stops, so a PID
 * file whose process has gone means the router died without stopping: a stale file.
 */
final class PidFile {
    private final Path pidFile;
    private final Path urlFile;

    PidFile(DataDirectory directory) {
        this.pidFile = directory.pidFile();
        this.urlFile = directory.urlFile();
    }

    /** What the PID file says. */
    sealed interface State {
        /** No PID file: no router was started from this directory, or it stopped cleanly. */
        record Absent() implements State {}

        /** A PID file whose process has gone (or that holds no pid at all). */
        record Stale(String content) implements State {}

        /** The router's process is alive; {@code uri} is null when it was not recorded. */
        record Running(ProcessHandle process, URI uri) implements State {}
    }

    Path path() {
        return pidFile;
    }

    State check() throws IOException {
        String content;
        try {
            content = Files.readString(pidFile, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return new State.Absent();
        } catch (IOException e) {
            throw new IOException("cannot read the PID file " + pidFile + ": " + Failures.describe(e), e);
        }
        long pid;
        try {
            pid = Long.parseLong(content);
        } catch (NumberFormatException e) {
            return new State.Stale(content);
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(PidFile::isRouterProcess);
        if (process.isEmpty()) {
            return new State.Stale(content);
        }
        return new State.Running(process.get(), recordedUri());
    }

    /**
     * After a crash and a reboot the old pid may belong to an unrelated process; a router is a
     * JVM, so a live process whose command is known and is not {@code java} is not ours.
     */
    private static boolean isRouterProcess(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        return process.info().command()
                .map(command -> Path.of(command).getFileName().toString().startsWith("java"))
                .orElse(true);
    }

    private URI recordedUri() {
        try {
            return URI.create(Files.readString(urlFile, StandardCharsets.UTF_8).strip());
        } catch (IOException | IllegalArgumentException e) {
            return null; // optional: status falls back to the configured host and port
        }
    }

    /** Records a running router; readers never see a half-written file. */
    void write(long pid, URI uri) throws IOException {
        try {
            writeAtomically(urlFile, uri + "\n");
            writeAtomically(pidFile, pid + "\n");
        } catch (IOException e) {
            throw new IOException("cannot write the PID file " + pidFile + ": " + Failures.describe(e), e);
        }
    }

    private static void writeAtomically(Path target, String content) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    void remove() throws IOException {
        try {
            Files.deleteIfExists(pidFile);
            Files.deleteIfExists(urlFile);
        } catch (IOException e) {
            throw new IOException("cannot remove the PID file " + pidFile + ": " + Failures.describe(e), e);
        }
    }

    /** Removes the files if they still name {@code pid}: a newer router may have replaced them. */
    void removeIfOwnedBy(long pid) throws IOException {
        try {
            if (Files.readString(pidFile, StandardCharsets.UTF_8).strip().equals(Long.toString(pid))) {
                remove();
            }
        } catch (NoSuchFileException e) {
            // already gone
        }
    }
}
