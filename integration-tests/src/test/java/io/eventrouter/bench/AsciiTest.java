package io.eventrouter.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AsciiTest {
    private static final byte[] FRAME = Ascii.bytes(
            "{\"type\":\"publish\",\"event\":{\"id\":\"e-1\",\"payload\":{\"text\":\"a } \\\" {\",\"n\":[1,{\"x\":2}]}},\"z\":3}");

    @Test
    void shouldSliceAnObjectValueSkippingBracesInsideStrings() {
        int[] event = Ascii.valueOf(FRAME, 0, FRAME.length, Ascii.bytes("\"event\":"));

        assertThat(Ascii.string(FRAME, event[0], event[1]))
                .isEqualTo("{\"id\":\"e-1\",\"payload\":{\"text\":\"a } \\\" {\",\"n\":[1,{\"x\":2}]}}");
    }

    @Test
    void shouldSliceStringsAndScalars() {
        int[] id = Ascii.valueOf(FRAME, 0, FRAME.length, Ascii.bytes("\"id\":"));
        int[] z = Ascii.valueOf(FRAME, 0, FRAME.length, Ascii.bytes("\"z\":"));

        assertThat(Ascii.string(FRAME, id[0], id[1])).isEqualTo("\"e-1\"");
        assertThat(Ascii.string(FRAME, z[0], z[1])).isEqualTo("3");
    }

    @Test
    void shouldReadNumbersAfterAKeyAndReportAbsentOnes() {
        byte[] payload = Ascii.bytes("\"payload\":{\"p\":3,\"s\":12345,\"t\":9876543210123}");

        assertThat(Ascii.numberAfter(payload, 0, payload.length, Ascii.bytes("\"s\":"))).isEqualTo(12345);
        assertThat(Ascii.numberAfter(payload, 0, payload.length, Ascii.bytes("\"t\":"))).isEqualTo(9876543210123L);
        assertThat(Ascii.numberAfter(payload, 0, payload.length, Ascii.bytes("\"q\":"))).isEqualTo(-1);
    }

    @Test
    void shouldNotFindAValueThatIsNotClosed() {
        byte[] cut = Ascii.bytes("{\"event\":{\"id\":\"e-1\"");

        assertThat(Ascii.valueOf(cut, 0, cut.length, Ascii.bytes("\"event\":"))).isNull();
    }
}
