package io.eventrouter.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stop}: ends the router named by the PID file gracefully and says how long it took. */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = {"Stop the router started with 'start': SIGTERM, then wait while it delivers what is queued "
                + "and closes its clients.",
                "A stale PID file (its process is gone) is removed and reported as not running."},
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.FAILURE_LINE, ExitCode.USAGE_LINE})
final class StopCommand extends DataDirectoryCommand {
    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long to wait for the router to exit (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--force", description = "Kill the router (SIGKILL) if it has not exited within the timeout.")
    boolean force;

    StopCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!positiveSeconds("--timeout", timeoutSeconds)) {
            return ExitCode.USAGE;
        }
        RouterStopper.Outcome outcome = new RouterStopper(out(), err())
                .stop(new PidFile(dataDirectory()), Duration.ofSeconds(timeoutSeconds), force);
        return outcome == RouterStopper.Outcome.STOPPED ? ExitCode.OK : ExitCode.FAILURE;
    }
}
