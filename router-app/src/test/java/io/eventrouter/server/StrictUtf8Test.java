package io.eventrouter.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictUtf8Test {
    @ParameterizedTest
    @ValueSource(strings = {"", "plain ascii {\"a\":1}", "grüße", "\uFFFD", "a\uFFFDb", "\uD83D\uDE80 日本"})
    void shouldDecodeValidTextFromHeapAndDirectBuffers(String text) throws CharacterCodingException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);

        assertThat(StrictUtf8.decode(ByteBuffer.wrap(utf8)).toString()).isEqualTo(text);
        assertThat(StrictUtf8.decode(direct(utf8)).toString()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"80", "c328", "e28228", "f0288c28", "eda080", "c0af", "f8a1a1a1a1", "61ff62", "61e282"})
    void shouldRefuseMalformedUtf8(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);

        assertThatThrownBy(() -> StrictUtf8.decode(ByteBuffer.wrap(bytes))).isInstanceOf(CharacterCodingException.class);
        assertThatThrownBy(() -> StrictUtf8.decode(direct(bytes))).isInstanceOf(CharacterCodingException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 16 * 1024, 16 * 1024 + 1, 200_000})
    void shouldDecodeOnlyTheRemainingBytesAndLeaveThePositionAlone(int length) throws CharacterCodingException {
        String text = "ü".repeat(length / 2) + "x".repeat(length % 2);
        byte[] framed = ("<<" + text + ">>").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = direct(framed);
        buffer.position(2).limit(framed.length - 2);

        assertThat(StrictUtf8.decode(buffer).toString()).isEqualTo(text);
        assertThat(buffer.position()).isEqualTo(2);
        assertThat(buffer.remaining()).isEqualTo(framed.length - 4);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3})
    void shouldHonourTheOffsetOfASlicedHeapBuffer(int offset) throws CharacterCodingException {
        byte[] framed = "...grüße!".getBytes(StandardCharsets.UTF_8);
        ByteBuffer slice = ByteBuffer.wrap(framed, offset, framed.length - offset).slice();

        assertThat(StrictUtf8.decode(slice).toString()).isEqualTo("...grüße!".substring(offset));
    }

    private static ByteBuffer direct(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length);
        buffer.put(bytes).flip();
        return buffer;
    }
}
