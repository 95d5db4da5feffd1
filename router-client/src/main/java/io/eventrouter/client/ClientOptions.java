package io.eventrouter.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Client settings, immutable; build with {@link #builder()}. Defaults match the original V2
 * Python client: {@code ws://localhost:9090}, reconnect after 1 s growing by 1.5× (±20% jitter)
 * up to 30 s, heartbeat every 30 s, replies awaited 10 s.
 */
public final class ClientOptions {
    public static final URI DEFAULT_URL = URI.create("ws://localhost:9090");
    public static final boolean DEFAULT_AUTO_RECONNECT = true;
    public static final Duration DEFAULT_RECONNECT_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_RECONNECT_INTERVAL = Duration.ofSeconds(30);
    public static final double DEFAULT_RECONNECT_DECAY = 1.5;
    public static final double DEFAULT_RECONNECT_JITTER = 0.2;
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_OFFLINE_BUFFER_SIZE = 10_000;
    public static final int DEFAULT_MAX_FRAME_SIZE = 16 * 1024 * 1024;

    private final List<URI> urls;
    private final boolean autoReconnect;
    private final Duration reconnectInterval;
    private final Duration maxReconnectInterval;
    private final double reconnectDecay;
    private final ReconnectPolicy reconnectPolicy;
    private final Duration heartbeatInterval;
    private final Duration timeout;
    private final String clientName;
    private final int offlineBufferSize;
    private final int maxFrameSize;
    private final Executor handlerExecutor;

    private ClientOptions(Builder b) {
        if (b.urls.isEmpty()) {
            throw new IllegalArgumentException("at least one url is required");
        }
        for (URI url : b.urls) {
            if (!"ws".equals(url.getScheme()) && !"wss".equals(url.getScheme())) {
                throw new IllegalArgumentException("url must start with ws:// or wss://, got " + url);
            }
        }
        requirePositive("reconnectInterval", b.reconnectInterval);
        requirePositive("maxReconnectInterval", b.maxReconnectInterval);
        requirePositive("heartbeatInterval", b.heartbeatInterval);
        requirePositive("timeout", b.timeout);
        if (b.maxReconnectInterval.compareTo(b.reconnectInterval) < 0) {
            throw new IllegalArgumentException("maxReconnectInterval must not be shorter than reconnectInterval");
        }
        if (b.offlineBufferSize < 0) {
            throw new IllegalArgumentException("offlineBufferSize must not be negative");
        }
        if (b.maxFrameSize < 1024) {
            throw new IllegalArgumentException("maxFrameSize must be at least 1024 bytes");
        }
        this.urls = List.copyOf(b.urls);
        this.autoReconnect = b.autoReconnect;
        this.reconnectInterval = b.reconnectInterval;
        this.maxReconnectInterval = b.maxReconnectInterval;
        this.reconnectDecay = b.reconnectDecay;
        this.reconnectPolicy = b.reconnectPolicy != null ? b.reconnectPolicy
                : ReconnectPolicy.exponential(b.reconnectInterval, b.maxReconnectInterval, b.reconnectDecay,
                        DEFAULT_RECONNECT_JITTER, () -> ThreadLocalRandom.current().nextDouble());
        this.heartbeatInterval = b.heartbeatInterval;
        this.timeout = b.timeout;
        this.clientName = b.clientName;
        this.offlineBufferSize = b.offlineBufferSize;
        this.maxFrameSize = b.maxFrameSize;
        this.handlerExecutor = b.handlerExecutor;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static ClientOptions defaults() {
        return builder().build();
    }

    /** Router URLs; on reconnect the client moves on to the next one (failover). */
    public List<URI> urls() {
        return urls;
    }

    public boolean autoReconnect() {
        return autoReconnect;
    }

    public Duration reconnectInterval() {
        return reconnectInterval;
    }

    public Duration maxReconnectInterval() {
        return maxReconnectInterval;
    }

    public double reconnectDecay() {
        return reconnectDecay;
    }

    public ReconnectPolicy reconnectPolicy() {
        return reconnectPolicy;
    }

    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    /** How long blocking calls and replies are awaited. */
    public Duration timeout() {
        return timeout;
    }

    /** Name sent as {@code ?client_name=}; targeted events may address it. Null if unset. */
    public String clientName() {
        return clientName;
    }

    /** Publishes held while disconnected; 0 disables buffering (publishes fail fast). */
    public int offlineBufferSize() {
        return offlineBufferSize;
    }

    public int maxFrameSize() {
        return maxFrameSize;
    }

    /** Executor for handlers, or null for the client's own pool. */
    public Executor handlerExecutor() {
        return handlerExecutor;
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    /** Builder with the documented defaults. */
    public static final class Builder {
        private final List<URI> urls = new ArrayList<>(List.of(DEFAULT_URL));
        private boolean autoReconnect = DEFAULT_AUTO_RECONNECT;
        private Duration reconnectInterval = DEFAULT_RECONNECT_INTERVAL;
        private Duration maxReconnectInterval = DEFAULT_MAX_RECONNECT_INTERVAL;
        private double reconnectDecay = DEFAULT_RECONNECT_DECAY;
        private ReconnectPolicy reconnectPolicy;
        private Duration heartbeatInterval = DEFAULT_HEARTBEAT_INTERVAL;
        private Duration timeout = DEFAULT_TIMEOUT;
        private String clientName;
        private int offlineBufferSize = DEFAULT_OFFLINE_BUFFER_SIZE;
        private int maxFrameSize = DEFAULT_MAX_FRAME_SIZE;
        private Executor handlerExecutor;

        private Builder() {}

        public Builder url(String url) {
            return url(URI.create(url));
        }

        public Builder url(URI url) {
            return urls(List.of(url));
        }

        /** Several routers to fail over between, tried in order. */
        public Builder urls(List<URI> values) {
            urls.clear();
            urls.addAll(values);
            return this;
        }

        public Builder autoReconnect(boolean value) {
            this.autoReconnect = value;
            return this;
        }

        public Builder reconnectInterval(Duration value) {
            this.reconnectInterval = value;
            return this;
        }

        public Builder maxReconnectInterval(Duration value) {
            this.maxReconnectInterval = value;
            return this;
        }

        public Builder reconnectDecay(double value) {
            this.reconnectDecay = value;
            return this;
        }

        /** Replaces the exponential backoff built from the three settings above. */
        public Builder reconnectPolicy(ReconnectPolicy value) {
            this.reconnectPolicy = value;
            return this;
        }

        public Builder heartbeatInterval(Duration value) {
            this.heartbeatInterval = value;
            return this;
        }

        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        public Builder clientName(String value) {
            this.clientName = value;
            return this;
        }

        public Builder offlineBufferSize(int value) {
            this.offlineBufferSize = value;
            return this;
        }

        public Builder maxFrameSize(int value) {
            this.maxFrameSize = value;
            return this;
        }

        public Builder handlerExecutor(Executor value) {
            this.handlerExecutor = value;
            return this;
        }

        public ClientOptions build() {
            return new ClientOptions(this);
        }

    }
}
