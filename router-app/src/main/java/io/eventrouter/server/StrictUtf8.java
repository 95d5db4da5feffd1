package io.eventrouter.server;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A text frame's UTF-8 payload as characters, refusing malformed input as RFC 6455 requires of
 * text messages. The characters land in a buffer this thread reuses, handed straight to the
 * frame reader: no string of the whole message is built. The JDK's decoder does the work; from
 * a heap array it converts runs of ASCII at once, so bytes of a direct (network) buffer are
 * copied to a heap array first.
 */
final class StrictUtf8 {
    /**
     * Empty to start with, then the size of the first message: a Jetty thread that only ever
     * reads subscribes and pings keeps a few dozen bytes, and under a burst of handshakes Jetty
     * runs a hundred threads or more. A thread that reads larger messages grows its buffers to
     * the largest it has seen.
     */
    private static final int INITIAL_BYTES = 0;
    /**
     * Larger messages get buffers of their own rather than growing the thread's for good: every
     * Jetty thread that reads a frame keeps these buffers, up to 48 kB here (bytes and chars).
     */
    private static final int MAX_RETAINED_BYTES = 16 * 1024;
    private static final ThreadLocal<StrictUtf8> PER_THREAD = ThreadLocal.withInitial(StrictUtf8::new);

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private ByteBuffer bytes = ByteBuffer.allocate(INITIAL_BYTES);
    private CharBuffer chars = CharBuffer.allocate(INITIAL_BYTES);

    private StrictUtf8() {}

    /**
     * Decodes the remaining bytes of {@code utf8} without moving its position. The result is
     * this thread's buffer: read it before this thread decodes again.
     */
    static CharBuffer decode(ByteBuffer utf8) throws CharacterCodingException {
        return PER_THREAD.get().decodeAll(utf8);
    }

    private CharBuffer decodeAll(ByteBuffer utf8) throws CharacterCodingException {
        int length = utf8.remaining();
        boolean retained = length <= MAX_RETAINED_BYTES;
        ByteBuffer in;
        if (utf8.hasArray()) {
            in = utf8.duplicate();
        } else {
            in = retained ? bytes(length) : ByteBuffer.allocate(length);
            utf8.get(utf8.position(), in.array(), 0, length);
            in.limit(length);
        }
        // UTF-8 never needs more chars than bytes: one byte at least per UTF-16 unit.
        CharBuffer out = retained ? chars(length) : CharBuffer.allocate(length);
        decoder.reset();
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isUnderflow()) {
            result.throwException();
        }
        result = decoder.flush(out);
        if (!result.isUnderflow()) {
            result.throwException();
        }
        return out.flip();
    }

    private ByteBuffer bytes(int length) {
        if (bytes.capacity() < length) {
            bytes = ByteBuffer.allocate(Math.max(length, bytes.capacity() * 2));
        }
        return bytes.clear();
    }

    private CharBuffer chars(int length) {
        if (chars.capacity() < length) {
            chars = CharBuffer.allocate(Math.max(length, chars.capacity() * 2));
        }
        return chars.clear();
    }
}
