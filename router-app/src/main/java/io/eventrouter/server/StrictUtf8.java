package io.eventrouter.server;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A text frame's UTF-8 payload as a string, refusing malformed input as RFC 6455 requires of
 * text messages. The JDK's decoder, which checks whole runs of ASCII at once, does the work;
 * it replaces malformed sequences with U+FFFD, so only text holding that character is decoded
 * a second time, strictly, to tell a replacement from a U+FFFD the sender meant.
 */
final class StrictUtf8 {
    private static final char REPLACEMENT = '\uFFFD';
    private static final int SCRATCH_BYTES = 8 * 1024;
    /** Network buffers are direct: their bytes are copied here first, per thread. */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[SCRATCH_BYTES]);

    private StrictUtf8() {}

    /** Decodes the remaining bytes of {@code utf8} without moving its position. */
    static String decode(ByteBuffer utf8) throws CharacterCodingException {
        int length = utf8.remaining();
        String text;
        if (utf8.hasArray()) {
            text = new String(utf8.array(), utf8.arrayOffset() + utf8.position(), length, StandardCharsets.UTF_8);
        } else {
            byte[] bytes = length <= SCRATCH_BYTES ? SCRATCH.get() : new byte[length];
            utf8.get(utf8.position(), bytes, 0, length);
            text = new String(bytes, 0, length, StandardCharsets.UTF_8);
        }
        if (text.indexOf(REPLACEMENT) >= 0) {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(utf8.duplicate());
        }
        return text;
    }
}
