package io.eventrouter.cli;

import io.eventrouter.config.ConfigException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code restart}: {@code stop}, then {@code start --daemon}. The new router gets the flags
 * given here, not those of the one it replaces; lasting settings belong in router.properties.
 */
@Command(name = "restart", mixinStandardHelpOptions = true,
        description = {"Stop the router (if it runs), then start it again in the background.",
                "It starts with the flags given here and the current settings (see 'configure'), "
                + "not the flags the previous router was started with."},
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.FAILURE_LINE, ExitCode.USAGE_LINE})
final class RestartCommand extends DataDirectoryCommand {
    @Mixin
    ServerOptions server;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long to wait for the old router to exit (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--force", description = "Kill the old router (SIGKILL) if it has not exited within the timeout.")
    boolean force;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long to wait for the new router to answer (default: ${DEFAULT-VALUE}).")
    int waitSeconds;

    RestartCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!positiveSeconds("--timeout", timeoutSeconds) || !positiveSeconds("--wait", waitSeconds)) {
            return ExitCode.USAGE;
        }
        DataDirectory directory = dataDirectory();
        try {
            // Refuse bad settings before stopping a router that works.
            StartCommand.loadConfig(server, directory, environment);
        } catch (ConfigException e) {
            err().println("error: " + e.getMessage());
            return ExitCode.USAGE;
        }
        PidFile pidFile = new PidFile(directory);
        RouterStopper.Outcome stopped = new RouterStopper(out(), err())
                .stop(pidFile, Duration.ofSeconds(timeoutSeconds), force);
        if (stopped == RouterStopper.Outcome.STILL_RUNNING) {
            return ExitCode.FAILURE;
        }
        if (stopped == RouterStopper.Outcome.NOT_RUNNING) {
            out().println("Starting it.");
        }
        directory.create();
        return new DaemonLauncher(directory, out(), err()).launch(server.arguments(), Duration.ofSeconds(waitSeconds));
    }
}
