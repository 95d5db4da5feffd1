package io.eventrouter.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops the router named by a PID file the way SIGTERM always has: the router stops accepting,
 * delivers what is queued (up to its shutdown timeout), closes clients with 1001 and exits.
 * Shared by {@code stop} and {@code restart}.
 */
final class RouterStopper {
    enum Outcome { STOPPED, NOT_RUNNING, STILL_RUNNING }

    /** After SIGKILL the kernel ends the process at once; this only bounds a pathological case. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private final PrintWriter out;
    private final PrintWriter err;

    RouterStopper(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    Outcome stop(PidFile pidFile, Duration timeout, boolean force) throws IOException, InterruptedException {
        PidFile.State state = pidFile.check();
        if (state instanceof PidFile.State.Absent) {
            err.println("Event Router is not running (no PID file at " + pidFile.path() + ").");
            return Outcome.NOT_RUNNING;
        }
        if (state instanceof PidFile.State.Stale stale) {
            pidFile.remove();
            err.println("Event Router is not running: removed the stale PID file " + pidFile.path() + " (process '"
                    + stale.content() + "' is not running; the router did not stop cleanly).");
            return Outcome.NOT_RUNNING;
        }
        ProcessHandle process = ((PidFile.State.Running) state).process();
        long started = System.nanoTime();
        out.println("Stopping Event Router (pid " + process.pid() + ") ...");
        if (!process.destroy()) {
            throw new IOException("cannot send SIGTERM to process " + process.pid() + " (not permitted?)");
        }
        if (awaitExit(process, timeout)) {
            pidFile.removeIfOwnedBy(process.pid());
            out.println("Stopped Event Router (pid " + process.pid() + ") in " + seconds(System.nanoTime() - started) + ".");
            return Outcome.STOPPED;
        }
        if (!force) {
            err.println("error: Event Router (pid " + process.pid() + ") did not stop within " + timeout.toSeconds()
                    + " s; it is still shutting down. Wait, or use 'event-router stop --force' to kill it.");
            return Outcome.STILL_RUNNING;
        }
        process.destroyForcibly();
        if (!awaitExit(process, KILL_WAIT)) {
            err.println("error: process " + process.pid() + " survived SIGKILL for " + KILL_WAIT.toSeconds() + " s");
            return Outcome.STILL_RUNNING;
        }
        pidFile.removeIfOwnedBy(process.pid());
        out.println("Event Router (pid " + process.pid() + ") did not stop within " + timeout.toSeconds()
                + " s and was killed (SIGKILL); events still queued in it were lost.");
        return Outcome.STOPPED;
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) throws InterruptedException {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
