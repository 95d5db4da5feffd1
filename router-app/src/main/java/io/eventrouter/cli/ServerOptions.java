package io.eventrouter.cli;

import io.eventrouter.config.Setting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The router's settings as flags, mixed into every command that starts a router (the bare
 * command, {@code start}, {@code restart}) so they all accept exactly the same ones.
 */
final class ServerOptions {
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

    @Option(names = "--permessage-deflate", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "Compress frames for clients that ask for it (default: false).")
    String permessageDeflate;

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

    /** The settings given as flags, for {@code ConfigLoader}. */
    Map<Setting, String> flags() {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        put(flags, Setting.HOST, host);
        put(flags, Setting.PORT, port);
        put(flags, Setting.MAX_QUEUE_SIZE, maxQueueSize);
        put(flags, Setting.MAX_CLIENTS, maxClients);
        put(flags, Setting.USE_MULTI_QUEUE, multiQueue);
        put(flags, Setting.MAX_FRAME_SIZE, maxFrameSize);
        put(flags, Setting.PERMESSAGE_DEFLATE, permessageDeflate);
        put(flags, Setting.MAX_SUBSCRIPTIONS_PER_CLIENT, maxSubscriptions);
        put(flags, Setting.CLIENT_QUEUE_SIZE, clientQueueSize);
        put(flags, Setting.SLOW_CONSUMER_DROP_LIMIT, slowConsumerDropLimit);
        put(flags, Setting.IDLE_TIMEOUT_SECONDS, idleTimeout);
        put(flags, Setting.SHUTDOWN_TIMEOUT_SECONDS, shutdownTimeout);
        put(flags, Setting.LOG_LEVEL, logLevel);
        return flags;
    }

    /**
     * The same flags as arguments for another process. The config file is made absolute so a
     * relaunched router finds it whatever its working directory.
     */
    List<String> arguments() {
        List<String> arguments = new ArrayList<>();
        if (configFile != null) {
            arguments.add("--config=" + configFile.toAbsolutePath());
        }
        flags().forEach((setting, value) -> arguments.add(setting.flag() + "=" + value));
        return arguments;
    }

    private static void put(Map<Setting, String> flags, Setting setting, String value) {
        if (value != null) {
            flags.put(setting, value);
        }
    }
}
