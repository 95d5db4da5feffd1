package io.eventrouter.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The backoff is a pure function of the attempt number (and of the random value given). */
class ReconnectPolicyTest {
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration CAP = Duration.ofSeconds(30);

    @ParameterizedTest(name = "attempt {0} waits {1} ms")
    @CsvSource({"1, 1000", "2, 1500", "3, 2250", "4, 3375", "5, 5063", "8, 17086", "9, 25629", "10, 30000", "50, 30000"})
    void shouldGrowByTheDecayUpToTheCapWithoutJitter(int attempt, long millis) {
        ReconnectPolicy policy = ReconnectPolicy.exponential(SECOND, CAP, 1.5, 0.0, () -> 0.5);
        assertThat(policy.delay(attempt)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "random {0} gives {1} ms")
    @CsvSource({"0.0, 800", "0.5, 1000", "0.999999, 1200"})
    void shouldSpreadByTheJitterFraction(double random, long millis) {
        ReconnectPolicy policy = ReconnectPolicy.exponential(SECOND, CAP, 1.5, 0.2, () -> random);
        assertThat(policy.delay(1)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void shouldNeverExceedTheCapEvenWithJitter() {
        ReconnectPolicy policy = ReconnectPolicy.exponential(SECOND, CAP, 1.5, 0.2, () -> 0.999999);
        for (int attempt = 1; attempt <= 100; attempt++) {
            assertThat(policy.delay(attempt)).isLessThanOrEqualTo(CAP).isPositive();
        }
    }

    @Test
    void shouldRejectNonsense() {
        assertThatThrownBy(() -> ReconnectPolicy.exponential(SECOND, CAP, 0.5, 0.1, () -> 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decay");
        assertThatThrownBy(() -> ReconnectPolicy.exponential(SECOND, CAP, 1.5, 1.0, () -> 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jitter");
        ReconnectPolicy policy = ReconnectPolicy.exponential(SECOND, CAP, 1.5, 0.1, () -> 0.5);
        assertThatThrownBy(() -> policy.delay(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldBuildTheDefaultPolicyFromTheOptions() {
        ClientOptions options = ClientOptions.builder().reconnectInterval(Duration.ofMillis(200))
                .maxReconnectInterval(Duration.ofSeconds(2)).reconnectDecay(2.0).build();
        // jitter is ±20%: attempt 3 is 800 ms ± 160 ms, attempt 10 is capped
        assertThat(options.reconnectPolicy().delay(3)).isBetween(Duration.ofMillis(640), Duration.ofMillis(960));
        assertThat(options.reconnectPolicy().delay(10)).isBetween(Duration.ofMillis(1600), Duration.ofSeconds(2));
    }
}
