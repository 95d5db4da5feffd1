package io.eventrouter.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Builds the {@code publish} frames of one publisher. The event carries all 14 keys in the
 * order the router writes them, with timestamps in the router's format, so what the router
 * re-encodes and what the raw server copies are the same bytes (apart from the subscription
 * id), and both deliver frames of the same size. The payload carries the publisher index,
 * the sequence number and the send time: {@code {"p":1,"s":42,"t":123456789}}.
 */
final class PublishFrames {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);
    private static final int ID_DIGITS = 12;
    private static final byte[] HEX = Ascii.bytes("0123456789abcdef");
    private static final byte[] TIME_KEY = Ascii.bytes(",\"t\":");

    private final byte[] head;
    private final byte[] middle;
    private final byte[] tail;

    /** Frames for publisher {@code index}, whose connection has the given client id. */
    PublishFrames(int index, String clientId) {
        String idPrefix = UUID.randomUUID().toString().substring(0, 36 - ID_DIGITS);
        String now = TIME.format(Instant.now().truncatedTo(ChronoUnit.MICROS));
        head = Ascii.bytes("{\"type\":\"publish\",\"event\":{\"id\":\"" + idPrefix);
        middle = Ascii.bytes("\",\"topic\":\"bench.p" + index + "\",\"type\":\"bench.tick\",\"priority\":5,"
                + "\"source\":\"" + clientId + "\",\"target\":null,\"payload\":{\"p\":" + index + ",\"s\":");
        tail = Ascii.bytes("},\"metadata\":{\"created_at\":\"" + now + "\",\"correlation_id\":null,"
                + "\"causation_id\":null,\"user_id\":null,\"session_id\":null,\"trace_id\":null,\"span_id\":null,"
                + "\"tags\":{},\"headers\":{}},\"timestamp\":\"" + now + "\",\"version\":\"1.0\","
                + "\"delivery_status\":\"pending\",\"delivery_attempts\":0,\"last_delivery_attempt\":null,"
                + "\"delivery_error\":null}}");
    }

    /** The frame for sequence number {@code seq} sent at {@code sentAt} ({@link BenchClock} nanos). */
    byte[] frame(long seq, long sentAt) {
        int seqDigits = digits(seq);
        int timeDigits = digits(sentAt);
        byte[] out = new byte[head.length + ID_DIGITS + middle.length + seqDigits + TIME_KEY.length + timeDigits
                + tail.length];
        int at = copy(head, out, 0);
        for (int shift = (ID_DIGITS - 1) * 4; shift >= 0; shift -= 4) {
            out[at++] = HEX[(int) (seq >>> shift) & 0xf];
        }
        at = copy(middle, out, at);
        at = writeDecimal(seq, seqDigits, out, at);
        at = copy(TIME_KEY, out, at);
        at = writeDecimal(sentAt, timeDigits, out, at);
        copy(tail, out, at);
        return out;
    }

    private static int copy(byte[] from, byte[] to, int at) {
        System.arraycopy(from, 0, to, at, from.length);
        return at + from.length;
    }

    private static int writeDecimal(long value, int digits, byte[] out, int at) {
        long rest = value;
        for (int i = at + digits - 1; i >= at; i--) {
            out[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        return at + digits;
    }

    private static int digits(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative value " + value);
        }
        int digits = 1;
        long rest = value;
        while (rest >= 10) {
            rest /= 10;
            digits++;
        }
        return digits;
    }
}
