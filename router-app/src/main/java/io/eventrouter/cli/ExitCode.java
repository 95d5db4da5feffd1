package io.eventrouter.cli;

/**
 * Exit statuses of every command, listed in each command's {@code --help}. Scripts rely on
 * them, so a code may gain meanings but never change one.
 */
final class ExitCode {
    static final int OK = 0;
    /** The command could not do its job: already running, not running, port in use, I/O error. */
    static final int FAILURE = 1;
    /** Invalid flags, arguments or configuration values. */
    static final int USAGE = 2;
    /** {@code status}: nothing answers (not running, stale PID file, or not responding). */
    static final int NOT_RUNNING = 3;

    // Lines for picocli's exitCodeList ("code:meaning"); constants so annotations can use them.
    static final String HEADING = "%nExit codes:%n";
    static final String OK_LINE = "0:success";
    static final String FAILURE_LINE = "1:failure (already running, not running, port in use, I/O error)";
    static final String USAGE_LINE = "2:invalid usage or configuration value";
    static final String NOT_RUNNING_LINE = "3:status: the router does not answer (not running, stale PID file)";

    private ExitCode() {}
}
