package io.eventrouter.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2026-11-27T04:10:41.123456Z,        2026-11-27T04:10:41.123456Z",
        "2026-11-27T04:10:41.123456+00:00,   2026-11-27T04:10:41.123456Z",
        "2026-11-27T06:10:41.123456+02:00,   2026-11-27T04:10:41.123456Z",
        "2026-11-26T23:10:41.123456-05:00,   2026-11-27T04:10:41.123456Z",
        // naive timestamps (Python's datetime.utcnow().isoformat()) are UTC
        "2026-11-27T04:10:41.123456,         2026-11-27T04:10:41.123456Z",
        "2026-11-27T04:10:41,                2026-11-27T04:10:41Z",
        // a space instead of 'T' (str(datetime))
        "2026-11-27 04:10:41.123456+00:00,   2026-11-27T04:10:41.123456Z",
        "2026-11-27 04:10:41.123456,         2026-11-27T04:10:41.123456Z",
        "2026-11-27 06:10:41+02:00,          2026-11-27T04:10:41Z",
        // other precisions
        "2026-11-27T04:10:41.5Z,             2026-11-27T04:10:41.500Z",
        "2026-11-27T04:10:41.123456789Z,     2026-11-27T04:10:41.123456789Z",
        "2026-11-27T04:10Z,                  2026-11-27T04:10:00Z",
    })
    void shouldParseAnyIsoDateTime(String text, String expected) {
        assertThat(Timestamps.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "yesterday", "2026-11-27", "2026-13-01T00:00:00", "2026-11-27T25:00:00Z",
        "2026-11-27T04:10:41+25:00", "1700000000", "2026-11-27X04:10:41"})
    void shouldRejectTextThatIsNotAnIsoDateTime(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Timestamps.parse(text))
                .withMessage("'" + text + "' is not an ISO-8601 date-time");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2026-11-27T04:10:41.123456Z,      2026-11-27T04:10:41.123456+00:00",
        "2026-11-27T04:10:41Z,             2026-11-27T04:10:41.000000+00:00",
        "2026-11-27T04:10:41.123456789Z,   2026-11-27T04:10:41.123456+00:00",
        "1970-01-01T00:00:00Z,             1970-01-01T00:00:00.000000+00:00",
    })
    void shouldFormatInUtcWithMicrosecondsAndExplicitOffset(String instant, String expected) {
        assertThat(Timestamps.format(Instant.parse(instant))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2026-11-27T04:10:41.123456Z", "2000-02-29T23:59:59.999999Z", "1970-01-01T00:00:00Z"})
    void shouldParseWhatItFormats(String instant) {
        Instant value = Instant.parse(instant);

        assertThat(Timestamps.parse(Timestamps.format(value))).isEqualTo(value);
    }

    @Test
    void shouldWriteWhatTheFormatterWritesWhetherOrNotTheSecondOrDayIsTheOneWrittenLast() {
        DateTimeFormatter formatter = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx")
                .withZone(ZoneOffset.UTC);
        Timestamps.LastWritten last = new Timestamps.LastWritten();
        Random random = new Random(42);
        long second = Instant.parse("2026-11-27T23:59:58Z").getEpochSecond();
        long[] edges = {0, -1, -86_400, -86_401, Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
            Instant.parse("9999-12-31T23:50:00Z").getEpochSecond(), Instant.parse("2000-02-29T00:00:00Z").getEpochSecond()};
        byte[] out = new byte[Timestamps.UTC_LENGTH + 3];
        for (int i = 0; i < 2_000; i++) {
            // Mostly the same second or the next ones, as a router's events are, with jumps across
            // midnight and to the edges.
            second = i % 50 == 49 ? edges[random.nextInt(edges.length)] : second + random.nextInt(3);
            Instant instant = Instant.ofEpochSecond(second, random.nextInt(1_000_000_000));

            int end = Timestamps.writeUtc(instant, out, 3, last);

            assertThat(end).isEqualTo(3 + Timestamps.UTC_LENGTH);
            assertThat(new String(out, 3, Timestamps.UTC_LENGTH, StandardCharsets.US_ASCII))
                    .as("%s", instant).isEqualTo(formatter.format(instant));
        }
    }
}
