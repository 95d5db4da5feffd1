package io.eventrouter.config;

import java.time.Duration;
import java.util.Locale;

/**
 * One configurable setting: its key in files ({@code max_queue_size}), environment
 * ({@code ROUTER_MAX_QUEUE_SIZE}) and flags ({@code --max-queue-size}), and how a text value is
 * applied to a {@link RouterConfig.Builder}.
 */
public enum Setting {
    HOST("host", "interface to bind") {
        @Override
        void apply(RouterConfig.Builder builder, String value) {
            builder.host(value.trim());
        }
    },
    PORT("port", "TCP port (0 = any free port)") {
        @Override
        void apply(RouterConfig.Builder builder, String value) {
            builder.port(integer(value));
        }
    },
    MAX_QUEUE_SIZE("max_queue_size", "capacity of the router's priority queue") {
        @Override
        void apply(RouterConfig.Builder builder, String value) {
            builder.maxQueueSize(integer(value));
        }
    },
    MAX_CLIENTS("max_clients", "connections served at once") {
        @Override
        void apply(RouterConfig.Builder builder, String value) {
            builder.maxClients(integer(value));
        }
    },
    USE_MULTI_QUEUE("use_multi_queue", "weighted fair lanes per priority instead of strict priority") {
        @Override
        void apply(RouterConfig.Builder builder, String value) {
            builder.useMultiQueue(bool(value));
        }
    },
    MAX_FRAME_SIZE("max_frame_size", "largest accepted frame in bytes") {
        @Override
        void apply(RouterConfig.Builder builder, String value) {
            builder.maxFrameSize(integer(value));
        }
    },
    MAX_SUBSCRIPTIONS_PER_CLIENT("max_subscriptions_per_client", "subscriptions one connection may hold") {
        @Override
        void apply(RouterConfig.Builder builder, String value) {
            builder.maxSubscriptionsPerClient(integer(value));
        }
    },
    CLIENT_QUEUE_SIZE("client_queue_size", "frames buffered for one slow subscriber") {
        @Override
        void apply(RouterConfig.Builder builder, String value) {
            builder.clientQueueSize(integer(value));
        }
    },
    SLOW_CONSUMER_DROP_LIMIT("slow_consumer_drop_limit", "drops in a row before a subscriber is disconnected") {
        @Override
        void apply(RouterConfig.Builder builder, String value) {
            builder.slowConsumerDropLimit(integer(value));
        }
    },
    IDLE_TIMEOUT_SECONDS("idle_timeout_seconds", "close connections idle this long (0 = never)") {
        @Override
        void apply(RouterConfig.Builder builder, String value) {
            builder.idleTimeout(Duration.ofSeconds(integer(value)));
        }
    },
    SHUTDOWN_TIMEOUT_SECONDS("shutdown_timeout_seconds", "how long shutdown waits to deliver queued events") {
        @Override
        void apply(RouterConfig.Builder builder, String value) {
            builder.shutdownTimeout(Duration.ofSeconds(integer(value)));
        }
    },
    LOG_LEVEL("log_level", "TRACE, DEBUG, INFO, WARN or ERROR") {
        @Override
        void apply(RouterConfig.Builder builder, String value) {
            builder.logLevel(value.trim());
        }
    };

    private final String key;
    private final String description;

    Setting(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** Key in configuration files, e.g. {@code max_queue_size}. */
    public String key() {
        return key;
    }

    public String description() {
        return description;
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
