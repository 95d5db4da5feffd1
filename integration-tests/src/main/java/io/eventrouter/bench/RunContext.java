package io.eventrouter.bench;

import java.time.Duration;

/**
 * What every scenario run shares: the Java used for {@code jcmd}, how many handshakes may be in
 * progress at once, and how long connecting (plus {@link #CONNECT_MILLIS_PER_CONNECTION} for
 * each connection), draining and closing may take at most.
 */
record RunContext(String java, int connectConcurrency, Duration connectTimeout, Duration drainTimeout,
        Duration closeTimeout) {
    static final long CONNECT_MILLIS_PER_CONNECTION = 5;

    static RunContext defaults(String java) {
        return new RunContext(java, 32, Duration.ofSeconds(60), Duration.ofSeconds(15), Duration.ofSeconds(15));
    }

    RunContext withConnectConcurrency(int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("connect concurrency must be at least 1, got " + concurrency);
        }
        return new RunContext(java, concurrency, connectTimeout, drainTimeout, closeTimeout);
    }

    /** The deadline for connecting {@code connections} connections. */
    long connectDeadline(int connections) {
        return deadline(connectTimeout.plusMillis(CONNECT_MILLIS_PER_CONNECTION * connections));
    }

    long deadline(Duration from) {
        return System.nanoTime() + from.toNanos();
    }
}
