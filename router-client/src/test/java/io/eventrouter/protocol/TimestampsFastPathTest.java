package io.eventrouter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The positional parser agrees with java.time on every shape it accepts, and leaves the rest. */
class TimestampsFastPathTest {

    @Test
    void shouldAgreeWithJavaTimeOnRandomTimestampsInEveryCommonShape() {
        Random random = new Random(42);
        String[] offsets = {"+00:00", "Z", "", "+02:00", "-05:30", "+14:00", "-12:00"};
        for (int i = 0; i < 20_000; i++) {
            long second = random.nextLong(-2_000_000_000L, 8_000_000_000L);
            int nanos = random.nextInt(1_000_000_000);
            LocalDateTime time = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC);
            String fraction = switch (i % 4) {
                case 0 -> "";
                case 1 -> String.format(".%06d", nanos / 1000);
                case 2 -> String.format(".%03d", nanos / 1_000_000);
                default -> String.format(".%09d", nanos);
            };
            String base = String.format("%04d-%02d-%02d%s%02d:%02d:%02d", time.getYear(), time.getMonthValue(),
                    time.getDayOfMonth(), i % 7 == 0 ? " " : "T", time.getHour(), time.getMinute(), time.getSecond());
            String offset = offsets[i % offsets.length];
            String text = base + fraction + offset;
            Instant expected = offset.isEmpty()
                    ? LocalDateTime.parse((base + fraction).replace(' ', 'T')).toInstant(ZoneOffset.UTC)
                    : OffsetDateTime.parse((base + fraction).replace(' ', 'T') + offset).toInstant();
            assertThat(Timestamps.parseCommon(text)).as(text).isEqualTo(expected);
            assertThat(Timestamps.parse(text)).as(text).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-27T24:00:00Z",
            "2026-11-27T04:10:41.Z", "2026-11-27T04:10:41+0000", "2026-11-27T04:10:41.1234567890Z",
            "2026-11-27", "20261127T041041Z", "2026-11-27T04:10:41+25:00", "x026-11-27T04:10:41Z"})
    void shouldLeaveAnythingElseToTheFullParser(String text) {
        assertThat(Timestamps.parseCommon(text)).isNull();
    }
}
