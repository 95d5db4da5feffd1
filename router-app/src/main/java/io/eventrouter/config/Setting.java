package io.eventrouter.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * One configurable setting: its key in files ({@code max_queue_size}), environment
 * ({@code ROUTER_MAX_QUEUE_SIZE}) and flags ({@code --max-queue-size}), and how a text value is
 * applied to a {@link RouterConfig.Builder}.
 */
public enum Setting {
    HOST("host", Applies.ON_RESTART, "interface to bind") {
        @Override
        void apply(RouterConfig.Builder builder, String value) {
            builder.host(value.trim());
        }
    },
    PORT("port", Applies.ON_RESTART, "TCP port (0 = any free port)") {
        @Override
        void apply(RouterConfig.Builder builder, String value) {
            builder.port(integer(value));
        }
    },
    MAX_QUEUE_SIZE("max_queue_size", Applies.ON_RESTART, "capacity of the router's priority queue") {
        @Override
        void apply(RouterConfig.Builder builder, String value) {
            builder.maxQueueSize(integer(value));
        }
    },
    MAX_CLIENTS("max_clients", Applies.AT_ONCE, "connections served at once") {
        @Override
        void apply(RouterConfig.Builder builder, String value) {
            builder.maxClients(integer(value));
        }
    },
    USE_MULTI_QUEUE("use_multi_queue", Applies.ON_RESTART, "weighted fair lanes per priority instead of strict priority") {
        @Override
        void apply(RouterConfig.Builder builder, String value) {
            builder.useMultiQueue(bool(value));
        }
    },
    MAX_FRAME_SIZE("max_frame_size", Applies.ON_RESTART, "largest accepted frame in bytes") {
        @Override
        void apply(RouterConfig.Builder builder, String value) {
            builder.maxFrameSize(integer(value));
        }
    },
    PERMESSAGE_DEFLATE("permessage_deflate", Applies.AT_ONCE, "compress frames for clients that ask (permessage-deflate)") {
        @Override
        void apply(RouterConfig.Builder builder, String value) {
            builder.permessageDeflate(bool(value));
        }
    },
    MAX_SUBSCRIPTIONS_PER_CLIENT("max_subscriptions_per_client", Applies.AT_ONCE, "subscriptions one connection may hold") {
        @Override
        void apply(RouterConfig.Builder builder, String value) {
            builder.maxSubscriptionsPerClient(integer(value));
        }
    },
    CLIENT_QUEUE_SIZE("client_queue_size", Applies.AT_ONCE, "frames buffered for one slow subscriber") {
        @Override
        void apply(RouterConfig.Builder builder, String value) {
            builder.clientQueueSize(integer(value));
        }
    },
    SLOW_CONSUMER_DROP_LIMIT("slow_consumer_drop_limit", Applies.AT_ONCE, "drops in a row before a subscriber is disconnected") {
        @Override
        void apply(RouterConfig.Builder builder, String value) {
            builder.slowConsumerDropLimit(integer(value));
        }
    },
    IDLE_TIMEOUT_SECONDS("idle_timeout_seconds", Applies.AT_ONCE, "close connections idle this long (0 = never)") {
        @Override
        void apply(RouterConfig.Builder builder, String value) {
            builder.idleTimeout(Duration.ofSeconds(integer(value)));
        }
    },
    SHUTDOWN_TIMEOUT_SECONDS("shutdown_timeout_seconds", Applies.AT_ONCE, "how long shutdown waits to deliver queued events") {
        @Override
        void apply(RouterConfig.Builder builder, String value) {
            builder.shutdownTimeout(Duration.ofSeconds(integer(value)));
        }
    },
    LOG_LEVEL("log_level", Applies.AT_ONCE, "TRACE, DEBUG, INFO, WARN or ERROR") {
        @Override
        void apply(RouterConfig.Builder builder, String value) {
            builder.logLevel(value.trim());
        }
    },
    DATA_DIR("data_dir", Applies.ON_RESTART, "directory for the saved configuration, PID and log files") {
        @Override
        void apply(RouterConfig.Builder builder, String value) {
            try {
                builder.dataDir(Path.of(value.trim()));
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("not a valid path: " + e.getReason());
            }
        }
    };

    private final String key;
    private final boolean changeableAtRunTime;
    private final String description;

    Setting(String key, Applies applies, String description) {
        this.key = key;
        this.changeableAtRunTime = applies == Applies.AT_ONCE;
        this.description = description;
    }

    /** Key in configuration files, e.g. {@code max_queue_size}. */
    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    /**
     * Whether a running router can take a new value at once (for per-connection limits: for
     * connections opened from then on). The others need a restart: they size structures built
     * at start (the queue), or belong to the listening socket.
     */
    public boolean changeableAtRunTime() {
        return changeableAtRunTime;
    }

    /**
     * This setting's value in {@code config}, typed as it would be written in JSON: a number,
     * Boolean or String (durations in whole seconds, paths as text).
     */
    public Object valueIn(RouterConfig config) {
        return switch (this) {
            case HOST -> config.host();
            case PORT -> config.port();
            case MAX_QUEUE_SIZE -> config.maxQueueSize();
            case MAX_CLIENTS -> config.maxClients();
            case USE_MULTI_QUEUE -> config.useMultiQueue();
            case MAX_FRAME_SIZE -> config.maxFrameSize();
            case PERMESSAGE_DEFLATE -> config.permessageDeflate();
            case MAX_SUBSCRIPTIONS_PER_CLIENT -> config.maxSubscriptionsPerClient();
            case CLIENT_QUEUE_SIZE -> config.clientQueueSize();
            case SLOW_CONSUMER_DROP_LIMIT -> config.slowConsumerDropLimit();
            case IDLE_TIMEOUT_SECONDS -> config.idleTimeout().toSeconds();
            case SHUTDOWN_TIMEOUT_SECONDS -> config.shutdownTimeout().toSeconds();
            case LOG_LEVEL -> config.logLevel();
            case DATA_DIR -> config.dataDir().toString();
        };
    }

    /** Environment variable, e.g. {@code ROUTER_MAX_QUEUE_SIZE}. */
    public String environmentVariable() {
        return "ROUTER_" + key.toUpperCase(Locale.ROOT);
    }

    /** Command-line flag, e.g. {@code --max-queue-size}. */
    public String flag() {
        return "--" + key.replace('_', '-');
    }

    abstract void apply(RouterConfig.Builder builder, String value);

    public static Setting fromKey(String key) {
        for (Setting setting : values()) {
            if (setting.key.equals(key)) {
                return setting;
            }
        }
        return null;
    }

    /** When a new value given to a running router takes effect. */
    private enum Applies {
        AT_ONCE,
        ON_RESTART
    }

    private static int integer(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected an integer");
        }
    }

    private static boolean bool(String value) {
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        return switch (normalized) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }
}
