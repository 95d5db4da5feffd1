package io.eventrouter.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the router can be told, immutable and validated. Build one with {@link #builder()};
 * the {@code DEFAULT_*} constants document the defaults. {@link ConfigLoader} fills a builder
 * from a file, the environment and flags.
 *
 * @param host interface to bind
 * @param port TCP port; 0 picks a free one
 * @param maxQueueSize capacity of the router's priority queue
 * @param maxClients connections served at once; the next one is refused
 * @param useMultiQueue weighted fair lanes per priority instead of strict priority
 * @param maxFrameSize largest accepted text frame in bytes; larger frames close with 1009
 * @param permessageDeflate whether clients that ask for permessage-deflate compression get it;
 *     off by default, since compressing every frame for every subscriber costs far more CPU
 *     than the loopback or LAN bandwidth it saves, and each compressed connection holds about
 *     100 kB of zlib memory
 * @param maxSubscriptionsPerClient subscriptions one connection may hold
 * @param clientQueueSize frames waiting for one slow subscriber before the lowest priority ones
 *     are dropped
 * @param slowConsumerDropLimit drops in a row (no frame written in between) after which a
 *     subscriber is disconnected with close code 1008
 * @param idleTimeout a connection with no traffic for this long is closed; zero disables
 * @param shutdownTimeout how long a graceful shutdown waits for queued events to be delivered
 * @param logLevel root log level: TRACE, DEBUG, INFO, WARN or ERROR
 * @param dataDir where the router keeps its files: the configuration saved by the admin API
 *     ({@value ConfigLoader#SAVED_CONFIG_FILE}), and the CLI's PID and log files
 */
public record RouterConfig(
        String host,
        int port,
        int maxQueueSize,
        int maxClients,
        boolean useMultiQueue,
        int maxFrameSize,
        boolean permessageDeflate,
        int maxSubscriptionsPerClient,
        int clientQueueSize,
        int slowConsumerDropLimit,
        Duration idleTimeout,
        Duration shutdownTimeout,
        String logLevel,
        Path dataDir) {

    public static final String DEFAULT_HOST = "localhost";
    public static final int DEFAULT_PORT = 9090;
    public static final int DEFAULT_MAX_QUEUE_SIZE = 10_000;
    public static final int DEFAULT_MAX_CLIENTS = 1000;
    public static final boolean DEFAULT_USE_MULTI_QUEUE = false;
    public static final int DEFAULT_MAX_FRAME_SIZE = 10 * 1024 * 1024;
    public static final boolean DEFAULT_PERMESSAGE_DEFLATE = false;
    public static final int DEFAULT_MAX_SUBSCRIPTIONS_PER_CLIENT = 1000;
    public static final int DEFAULT_CLIENT_QUEUE_SIZE = 10_000;
    public static final int DEFAULT_SLOW_CONSUMER_DROP_LIMIT = 1000;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);
    public static final String DEFAULT_LOG_LEVEL = "INFO";
    /** {@code ~/.event-router}: per user, so several users' routers on one machine do not clash. */
    public static final Path DEFAULT_DATA_DIR = Path.of(System.getProperty("user.home"), ".event-router");

    static final Set<String> LOG_LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

    public RouterConfig {
        if (host == null || host.isBlank()) {
            throw new ConfigException("host must not be empty");
        }
        if (port < 0 || port > 65_535) {
            throw new ConfigException("port must be from 0 to 65535, got " + port);
        }
        requirePositive("max_queue_size", maxQueueSize);
        requirePositive("max_clients", maxClients);
        if (maxFrameSize < 1024) {
            throw new ConfigException("max_frame_size must be at least 1024 bytes, got " + maxFrameSize);
        }
        requirePositive("max_subscriptions_per_client", maxSubscriptionsPerClient);
        requirePositive("client_queue_size", clientQueueSize);
        requirePositive("slow_consumer_drop_limit", slowConsumerDropLimit);
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        if (idleTimeout.isNegative()) {
            throw new ConfigException("idle_timeout_seconds must not be negative");
        }
        if (shutdownTimeout.isNegative()) {
            throw new ConfigException("shutdown_timeout_seconds must not be negative");
        }
        logLevel = logLevel == null ? DEFAULT_LOG_LEVEL : logLevel.toUpperCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(logLevel)) {
            throw new ConfigException("log_level must be one of TRACE, DEBUG, INFO, WARN, ERROR, got " + logLevel);
        }
        dataDir = dataDir == null ? DEFAULT_DATA_DIR : dataDir;
        if (dataDir.toString().isBlank()) {
            throw new ConfigException("data_dir must not be empty");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static RouterConfig defaults() {
        return builder().build();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder().host(host).port(port).maxQueueSize(maxQueueSize).maxClients(maxClients)
                .useMultiQueue(useMultiQueue).maxFrameSize(maxFrameSize).permessageDeflate(permessageDeflate)
                .maxSubscriptionsPerClient(maxSubscriptionsPerClient).clientQueueSize(clientQueueSize)
                .slowConsumerDropLimit(slowConsumerDropLimit).idleTimeout(idleTimeout)
                .shutdownTimeout(shutdownTimeout).logLevel(logLevel).dataDir(dataDir);
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new ConfigException(name + " must be a positive integer, got " + value);
        }
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private int maxQueueSize = DEFAULT_MAX_QUEUE_SIZE;
        private int maxClients = DEFAULT_MAX_CLIENTS;
        private boolean useMultiQueue = DEFAULT_USE_MULTI_QUEUE;
        private int maxFrameSize = DEFAULT_MAX_FRAME_SIZE;
        private boolean permessageDeflate = DEFAULT_PERMESSAGE_DEFLATE;
        private int maxSubscriptionsPerClient = DEFAULT_MAX_SUBSCRIPTIONS_PER_CLIENT;
        private int clientQueueSize = DEFAULT_CLIENT_QUEUE_SIZE;
        private int slowConsumerDropLimit = DEFAULT_SLOW_CONSUMER_DROP_LIMIT;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
        private String logLevel = DEFAULT_LOG_LEVEL;
        private Path dataDir = DEFAULT_DATA_DIR;

        private Builder() {}

        public Builder host(String value) {
            this.host = value;
            return this;
        }

        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public Builder maxQueueSize(int value) {
            this.maxQueueSize = value;
            return this;
        }

        public Builder maxClients(int value) {
            this.maxClients = value;
            return this;
        }

        public Builder useMultiQueue(boolean value) {
            this.useMultiQueue = value;
            return this;
        }

        public Builder maxFrameSize(int value) {
            this.maxFrameSize = value;
            return this;
        }

        public Builder permessageDeflate(boolean value) {
            this.permessageDeflate = value;
            return this;
        }

        public Builder maxSubscriptionsPerClient(int value) {
            this.maxSubscriptionsPerClient = value;
            return this;
        }

        public Builder clientQueueSize(int value) {
            this.clientQueueSize = value;
            return this;
        }

        public Builder slowConsumerDropLimit(int value) {
            this.slowConsumerDropLimit = value;
            return this;
        }

        public Builder idleTimeout(Duration value) {
            this.idleTimeout = value;
            return this;
        }

        public Builder shutdownTimeout(Duration value) {
            this.shutdownTimeout = value;
            return this;
        }

        public Builder logLevel(String value) {
            this.logLevel = value;
            return this;
        }

        public Builder dataDir(Path value) {
            this.dataDir = value;
            return this;
        }

        public RouterConfig build() {
            return new RouterConfig(host, port, maxQueueSize, maxClients, useMultiQueue, maxFrameSize,
                    permessageDeflate, maxSubscriptionsPerClient, clientQueueSize, slowConsumerDropLimit, idleTimeout,
                    shutdownTimeout, logLevel, dataDir);
        }
    }
}
