package io.eventrouter.cli;

import io.eventrouter.config.ConfigException;
import io.eventrouter.config.ConfigLoader;
import io.eventrouter.config.RouterConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code event-router}: serves the router in the foreground until SIGTERM or Ctrl-C, then shuts
 * down gracefully. Flags override {@code ROUTER_*} environment variables, which override the
 * {@code --config} file, which overrides the defaults.
 */
@Command(name = "event-router", mixinStandardHelpOptions = true, version = "Event Router 0.1.0",
        description = "WebSocket event router for agent communication.",
        footer = {"", "Every setting can also come from a ROUTER_<SETTING> environment variable "
                + "(e.g. ROUTER_PORT) or a properties file (--config or ROUTER_CONFIG)."},
        exitCodeListHeading = ExitCode.HEADING, exitCodeList = {
            ExitCode.OK_LINE, ExitCode.FAILURE_LINE, ExitCode.USAGE_LINE})
public final class Main implements Callable<Integer> {
    static final int EXIT_CONFIG = ExitCode.USAGE;
    static final int EXIT_START_FAILED = ExitCode.FAILURE;

    @Mixin
    ServerOptions server;

    @Spec
    CommandSpec spec;

    private final Map<String, String> environment;

    Main(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(run(System.getenv(), args));
    }

    static int run(Map<String, String> environment, String... args) {
        Charset console = Charset.defaultCharset();
        return run(environment, new BufferedReader(new InputStreamReader(System.in, console)),
                new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** The command line with its input and output given, so tests can run commands in-process. */
    static int run(Map<String, String> environment, BufferedReader in, PrintWriter out, PrintWriter err,
            String... args) {
        CommandLine commandLine = new CommandLine(new Main(environment));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((problem, ignored) -> {
            problem.getCommandLine().getErr().println("error: " + problem.getMessage() + " (see --help)");
            return ExitCode.USAGE;
        });
        commandLine.setExecutionExceptionHandler((problem, command, ignored) -> {
            command.getErr().println("error: " + Failures.describe(problem));
            return ExitCode.FAILURE;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        RouterConfig config;
        try {
            config = ConfigLoader.load(server.configFile, environment, server.flags());
        } catch (ConfigException e) {
            err.println("error: " + e.getMessage());
            return ExitCode.USAGE;
        }
        return Foreground.serve(config, err, Foreground.Lifecycle.NONE);
    }
}
