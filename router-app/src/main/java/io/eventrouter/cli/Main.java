package io.eventrouter.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.eventrouter.config.ConfigException;
import io.eventrouter.config.ConfigLoader;
import io.eventrouter.config.RouterConfig;
import io.eventrouter.config.Setting;
import io.eventrouter.server.RouterServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code event-router}: serves the router in the foreground until SIGTERM or Ctrl-C, then shuts
 * down gracefully. Flags override {@code ROUTER_*} environment variables, which override the
 * {@code --config} file, which overrides the defaults.
 */
@Command(name = "event-router", mixinStandardHelpOptions = true, version = "Event Router 0.1.0",
        description = "WebSocket event router for agent communication.",
        footer = {"", "Every setting can also come from a ROUTER_<SETTING> environment variable "
                + "(e.g. ROUTER_PORT) or a properties file (--config or ROUTER_CONFIG, else "
                + "router.properties in the data directory, if it exists)."})
public final class Main implements Callable<Integer> {
    static final int EXIT_CONFIG = 2;
    static final int EXIT_START_FAILED = 1;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with settings such as max_queue_size=20000.")
    Path configFile;

    @Option(names = "--host", paramLabel = "HOST", description = "Interface to bind (default: localhost).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port (default: 9090; 0 = any free port).")
    String port;

    @Option(names = "--max-queue-size", paramLabel = "N", description = "Router queue capacity (default: 10000).")
    String maxQueueSize;

    @Option(names = "--max-clients", paramLabel = "N", description = "Connections served at once (default: 1000).")
    String maxClients;

    @Option(names = {"--multi-queue", "--use-multi-queue"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "Weighted fair lanes per priority instead of strict priority (default: false).")
    String multiQueue;

    @Option(names = "--max-frame-size", paramLabel = "BYTES", description = "Largest accepted frame (default: 10485760).")
    String maxFrameSize;

    @Option(names = "--max-subscriptions-per-client", paramLabel = "N", description = "Subscriptions per connection (default: 1000).")
    String maxSubscriptions;

    @Option(names = "--client-queue-size", paramLabel = "N", description = "Frames buffered per slow subscriber (default: 10000).")
    String clientQueueSize;

    @Option(names = "--slow-consumer-drop-limit", paramLabel = "N",
            description = "Drops in a row before a slow subscriber is disconnected (default: 1000).")
    String slowConsumerDropLimit;

    @Option(names = "--idle-timeout-seconds", paramLabel = "S", description = "Close idle connections (default: 600; 0 = never).")
    String idleTimeout;

    @Option(names = "--shutdown-timeout-seconds", paramLabel = "S", description = "Time to deliver queued events on shutdown (default: 10).")
    String shutdownTimeout;

    @Option(names = "--log-level", paramLabel = "LEVEL", description = "TRACE, DEBUG, INFO, WARN or ERROR (default: INFO).")
    String logLevel;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Directory for the saved configuration (router.properties), PID and log files "
                    + "(default: ~/.event-router).")
    String dataDir;

    private final Map<String, String> environment;
    private PrintWriter err;

    Main(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(run(System.getenv(), args));
    }

    static int run(Map<String, String> environment, String... args) {
        CommandLine commandLine = new CommandLine(new Main(environment));
        commandLine.setParameterExceptionHandler((problem, ignored) -> {
            problem.getCommandLine().getErr().println("error: " + problem.getMessage() + " (see --help)");
            return EXIT_CONFIG;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws InterruptedException {
        err = new PrintWriter(System.err, true);
        RouterConfig config;
        try {
            config = ConfigLoader.load(configFile, environment, flags());
        } catch (ConfigException e) {
            err.println("error: " + e.getMessage());
            return EXIT_CONFIG;
        }
        applyLogLevel(config.logLevel());
        RouterServer server = RouterServer.create(config);
        try {
            server.start();
        } catch (Exception e) {
            err.println("error: cannot start the router on " + config.host() + ":" + config.port() + ": " + describe(e));
            return EXIT_START_FAILED;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "router-shutdown"));
        LoggerFactory.getLogger(Main.class).info("Event Router listening on {} (queue {}, {} priority, max {} clients)",
                server.uri(), config.maxQueueSize(), config.useMultiQueue() ? "weighted fair" : "strict",
                config.maxClients());
        server.join();
        return 0;
    }

    private Map<Setting, String> flags() {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        put(flags, Setting.HOST, host);
        put(flags, Setting.PORT, port);
        put(flags, Setting.MAX_QUEUE_SIZE, maxQueueSize);
        put(flags, Setting.MAX_CLIENTS, maxClients);
        put(flags, Setting.USE_MULTI_QUEUE, multiQueue);
        put(flags, Setting.MAX_FRAME_SIZE, maxFrameSize);
        put(flags, Setting.MAX_SUBSCRIPTIONS_PER_CLIENT, maxSubscriptions);
        put(flags, Setting.CLIENT_QUEUE_SIZE, clientQueueSize);
        put(flags, Setting.SLOW_CONSUMER_DROP_LIMIT, slowConsumerDropLimit);
        put(flags, Setting.IDLE_TIMEOUT_SECONDS, idleTimeout);
        put(flags, Setting.SHUTDOWN_TIMEOUT_SECONDS, shutdownTimeout);
        put(flags, Setting.LOG_LEVEL, logLevel);
        put(flags, Setting.DATA_DIR, dataDir);
        return flags;
    }

    private static void put(Map<Setting, String> flags, Setting setting, String value) {
        if (value != null) {
            flags.put(setting, value);
        }
    }

    private static void applyLogLevel(String level) {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.toLevel(level, Level.INFO));
        }
    }

    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof IOException)) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
