package io.eventrouter.client;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/** How long to wait before reconnect attempt {@code n} (1-based). A pure function of n. */
@FunctionalInterface
public interface ReconnectPolicy {

    Duration delay(int attempt);

    /**
     * {@code initial * decay^(attempt-1)}, capped at {@code max}, then spread by up to
     * ±{@code jitter} (a fraction, e.g. 0.2) so many clients do not reconnect in lockstep.
     *
     * @param random values in [0, 1); tests pass a fixed one
     */
    static ReconnectPolicy exponential(Duration initial, Duration max, double decay, double jitter,
            DoubleSupplier random) {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(random, "random");
        if (decay < 1.0) {
            throw new IllegalArgumentException("decay must be at least 1.0, got " + decay);
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
        }
        return attempt -> {
            if (attempt < 1) {
                throw new IllegalArgumentException("attempt is 1-based, got " + attempt);
            }
            double base = Math.min(initial.toMillis() * Math.pow(decay, attempt - 1.0), max.toMillis());
            double spread = base * jitter * (2 * random.getAsDouble() - 1);
            return Duration.ofMillis(Math.max(0, Math.round(Math.min(base + spread, max.toMillis()))));
        };
    }
}
