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
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code event-router}: without a command, serves the router in the foreground until SIGTERM or
 * Ctrl-C, then shuts down gracefully. Flags override {@code ROUTER_*} environment variables,
 * which override the {@code --config} file, which overrides the defaults. The management
 * commands ({@code start}, {@code stop}, {@code status}, ...) each live in their own class.
 */
@Command(name = "event-router", mixinStandardHelpOptions = true, version = "Event Router 0.1.0",
        description = "WebSocket event router for agent communication. Without a command, serves in the foreground.",
        footer = {"", "Every setting can also come from a ROUTER_<SETTING> environment variable "
                + "(e.g. ROUTER_PORT) or a properties file (--config or ROUTER_CONFIG, else "
                + "router.properties in the data directory, if it exists).",
                "Management commands keep their files in a data directory: --data-dir, else ROUTER_DATA_DIR, "
                + "else ~/.event-router. See 'event-router help COMMAND'."},
        exitCodeListHeading = ExitCode.HEADING, exitCodeList = {
            ExitCode.OK_LINE, ExitCode.FAILURE_LINE, ExitCode.USAGE_LINE, ExitCode.NOT_RUNNING_LINE})
public final class Main implements Callable<Integer> {
    static final int EXIT_CONFIG = ExitCode.USAGE;
    static final int EXIT_START_FAILED = ExitCode.FAILURE;

    @Mixin
    ServerOptions server;

    @Spec
    CommandSpec spec;

    @CommandLine.Option(names = "--data-dir", paramLabel = "DIR",
            description = "Directory for the saved configuration (router.properties), PID and log files "
                    + "(default: ~/.event-router).")
    String dataDir;

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
        CommandLine commandLine = new CommandLine(new Main(environment))
                .addSubcommand(new StartCommand(environment))
                .addSubcommand(new StopCommand(environment))
                .addSubcommand(new RestartCommand(environment))
                .addSubcommand(new StatusCommand(environment))
                .addSubcommand(new ConfigureCommand(environment, in))
                .addSubcommand(new MonitorCommand(environment))
                .addSubcommand(new LogsCommand(environment))
                .addSubcommand(new CommandLine.HelpCommand());
        // Set after the subcommands are added: picocli copies these settings to the commands
        // present at the time of the call only.
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
        commandLine.setExecutionStrategy(Main::execute);
        return commandLine.execute(args);
    }

    /**
     * picocli runs only the last command given, so {@code event-router --port 9191 start} would
     * silently start on the default port; refuse router flags placed before a command instead.
     */
    private static int execute(ParseResult parsed) {
        if (parsed.hasSubcommand() && parsed.matchedOptions().stream().anyMatch(Main::isSetting)) {
            String command = parsed.subcommand().commandSpec().name();
            parsed.commandSpec().commandLine().getErr().println("error: put the options after the command, e.g. "
                    + "'event-router " + command + " --port 9191' (see --help)");
            return ExitCode.USAGE;
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    private static boolean isSetting(OptionSpec option) {
        return !option.usageHelp() && !option.versionHelp();
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        RouterConfig config;
        try {
            Map<io.eventrouter.config.Setting, String> flags = server.flags();
            if (dataDir != null) {
                flags.put(io.eventrouter.config.Setting.DATA_DIR, dataDir);
            }
            config = ConfigLoader.load(server.configFile, environment, flags);
        } catch (ConfigException e) {
            err.println("error: " + e.getMessage());
            return ExitCode.USAGE;
        }
        return Foreground.serve(config, err, Foreground.Lifecycle.NONE);
    }
}
