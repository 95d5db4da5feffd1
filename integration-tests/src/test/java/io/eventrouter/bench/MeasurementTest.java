package io.eventrouter.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class MeasurementTest {
    @Test
    void shouldAddUpCountsAndRecomputeRatesOverAllRounds() {
        Measurement first = Measurement.of(List.of()).figure("seconds", 2.0).figure("delivered_in_window", 200L)
                .figure("event_frame_bytes", 600L).rates();
        Measurement second = Measurement.of(List.of()).figure("seconds", 3.0).figure("delivered_in_window", 800L)
                .figure("event_frame_bytes", 700L).rates();

        Measurement both = Measurement.combine(List.of(first, second));

        assertThat(both.get("delivered_in_window")).isEqualTo(1000);
        assertThat(both.get("delivered_per_s")).isEqualTo(200);
        assertThat(both.get("event_frame_bytes")).isEqualTo(650);
        assertThat(both.get("rounds")).isEqualTo(2);
    }

    @Test
    void shouldTakePercentilesFromTheMergedHistograms() {
        Histogram fast = new Histogram(Subscriber.MAX_LATENCY_NANOS, 3);
        Histogram slow = new Histogram(Subscriber.MAX_LATENCY_NANOS, 3);
        for (int i = 0; i < 99; i++) {
            fast.recordValue(1_000);
        }
        slow.recordValue(50_000_000);

        Measurement both = Measurement.combine(List.of(Measurement.of(List.of()).latency(fast),
                Measurement.of(List.of()).latency(slow)));

        assertThat(both.get("latency_samples")).isEqualTo(100);
        assertThat(both.get("p50_us")).isEqualTo(1.0);
        assertThat(both.get("max_us")).isGreaterThan(49_000);
    }

    @Test
    void shouldBeIncorrectWhenAnyRoundLostOrDuplicatedEvents() {
        Measurement clean = Measurement.of(List.of()).check("missing", 0).check("duplicates", 0);
        Measurement lossy = Measurement.of(List.of()).check("missing", 3).check("duplicates", 0);

        Measurement both = Measurement.combine(List.of(clean, lossy));

        assertThat(both.correct()).isFalse();
        assertThat(both.problem()).isEqualTo("missing 3");
    }
}
