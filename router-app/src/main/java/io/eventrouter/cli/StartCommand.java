package io.eventrouter.cli;

import io.eventrouter.config.ConfigException;
import io.eventrouter.config.ConfigLoader;
import io.eventrouter.config.RouterConfig;
import io.eventrouter.server.RouterServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code start}: serves in the foreground like the bare command, but keeps a PID file so the
 * other commands find the router; {@code --daemon} runs that same command in a background
 * process instead.
 */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = {"Start the router: in the foreground (Ctrl-C stops it) or, with --daemon, in the background "
                + "with its output appended to <data-dir>/router.log.",
                "Settings come from the flags, ROUTER_* variables, then --config or ROUTER_CONFIG, else "
                + "<data-dir>/router.properties (see 'configure')."},
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.FAILURE_LINE, ExitCode.USAGE_LINE})
final class StartCommand extends DataDirectoryCommand {
    @Mixin
    ServerOptions server;

    @Option(names = "--daemon", description = "Run in the background; return once the router answers.")
    boolean daemon;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "60",
            description = "With --daemon: how long to wait for the router to answer (default: ${DEFAULT-VALUE}).")
    int waitSeconds;

    StartCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!positiveSeconds("--wait", waitSeconds)) {
            return ExitCode.USAGE;
        }
        DataDirectory directory = dataDirectory();
        RouterConfig config;
        try {
            config = loadConfig(server, directory, environment);
        } catch (ConfigException e) {
            err().println("error: " + e.getMessage());
            return ExitCode.USAGE;
        }
        PidFile pidFile = new PidFile(directory);
        if (!clearToStart(pidFile, out(), err())) {
            return ExitCode.FAILURE;
        }
        directory.create();
        if (daemon) {
            return new DaemonLauncher(directory, out(), err()).launch(server.arguments(), Duration.ofSeconds(waitSeconds));
        }
        return Foreground.serve(config, err(), new PidFileKeeper(pidFile, err()));
    }

    static RouterConfig loadConfig(ServerOptions server, DataDirectory directory, Map<String, String> environment) {
        // The router saves admin changes in its data directory: the same one as the PID file.
        Map<io.eventrouter.config.Setting, String> flags = server.flags();
        flags.put(io.eventrouter.config.Setting.DATA_DIR, directory.root().toString());
        return ConfigLoader.load(directory.configFile(server.configFile, environment), environment, flags);
    }

    /**
     * False, with the reason printed, when a router from this data directory is running; a
     * stale PID file is reported and removed.
     */
    static boolean clearToStart(PidFile pidFile, PrintWriter out, PrintWriter err) throws IOException {
        PidFile.State state = pidFile.check();
        if (state instanceof PidFile.State.Running running) {
            err.println("error: Event Router is already running (pid " + running.process().pid()
                    + (running.uri() == null ? "" : ", " + running.uri()) + ", PID file " + pidFile.path()
                    + "); stop it first with 'event-router stop'");
            return false;
        }
        if (state instanceof PidFile.State.Stale stale) {
            pidFile.remove();
            out.println("Removed the stale PID file " + pidFile.path() + " (process '" + stale.content()
                    + "' is not running; the router did not stop cleanly).");
        }
        return true;
    }

    /** Writes the PID file once the router serves and removes it when it stops. */
    private static final class PidFileKeeper implements Foreground.Lifecycle {
        private final long pid = ProcessHandle.current().pid();
        private final PidFile pidFile;
        private final PrintWriter err;

        PidFileKeeper(PidFile pidFile, PrintWriter err) {
            this.pidFile = pidFile;
            this.err = err;
        }

        @Override
        public void started(RouterServer server) throws IOException {
            pidFile.write(pid, server.uri());
        }

        @Override
        public void stopped() {
            try {
                pidFile.removeIfOwnedBy(pid);
            } catch (IOException e) {
                err.println("warning: " + e.getMessage());
            }
        }
    }
}
