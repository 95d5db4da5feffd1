package io.eventrouter.protocol;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 timestamps as the protocol wants them: written in UTC with microseconds and an
 * explicit {@code +00:00} offset (Python's {@code fromisoformat} before 3.11 rejects a bare
 * {@code Z}); read in any ISO-8601 form, a missing offset meaning UTC.
 */
public final class Timestamps {
    private static final DateTimeFormatter WRITER =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);
    /** Length of {@code uuuu-MM-ddTHH:mm:ss.SSSSSS+00:00}, what {@link #writeUtc} writes. */
    static final int UTC_LENGTH = 32;
    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the years written as four plain digits. */
    private static final long FIRST_FOUR_DIGIT_SECOND = -62_167_219_200L;
    private static final long LAST_FOUR_DIGIT_SECOND = 253_402_300_799L;
    private static final long SECONDS_PER_DAY = 86_400;
    /** {@code uuuu-MM-ddT}. */
    private static final int DATE_LENGTH = 11;
    /** {@code uuuu-MM-ddTHH:mm:ss.}: all but the microseconds and the offset. */
    private static final int SECOND_LENGTH = 20;

    private Timestamps() {}

    /** {@code uuuu-MM-dd'T'HH:mm:ss.SSSSSS+00:00}, the form this protocol writes. */
    public static String format(Instant instant) {
        byte[] text = new byte[UTC_LENGTH];
        return writeUtc(instant, text, 0) < 0 ? WRITER.format(instant) : new String(text, StandardCharsets.ISO_8859_1);
    }

    /**
     * {@link #format} as ASCII bytes at {@code at} ({@value #UTC_LENGTH} of them, which must
     * fit), by position rather than through the formatter, which costs far more; returns the
     * index after the last byte. Years outside 0000..9999, which the formatter writes with a
     * sign, are left to it: then nothing is written and the result is -1.
     */
    static int writeUtc(Instant instant, byte[] out, int at) {
        return writeUtc(instant, out, at, null);
    }

    /**
     * {@link #writeUtc(Instant, byte[], int)}, copying from {@code last} what the timestamp
     * shares with the one written last: everything up to the microseconds when it is the same
     * second (as under load most are), else the date when it is the same day (as nearly every
     * timestamp a running router writes is); {@code last} remembers this one, and may be null.
     */
    static int writeUtc(Instant instant, byte[] out, int at, LastWritten last) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_FOUR_DIGIT_SECOND || seconds > LAST_FOUR_DIGIT_SECOND) {
            return -1;
        }
        if (last != null && last.second == seconds) {
            System.arraycopy(last.text, 0, out, at, SECOND_LENGTH);
        } else {
            writeSecond(seconds, out, at, last);
        }
        digits(instant.getNano() / 1000, out, at + SECOND_LENGTH, 6);
        out[at + 26] = '+';
        out[at + 27] = '0';
        out[at + 28] = '0';
        out[at + 29] = ':';
        out[at + 30] = '0';
        out[at + 31] = '0';
        return at + UTC_LENGTH;
    }

    /** Writes {@code uuuu-MM-ddTHH:mm:ss.} of {@code seconds} and remembers it in {@code last}. */
    private static void writeSecond(long seconds, byte[] out, int at, LastWritten last) {
        long day = Math.floorDiv(seconds, SECONDS_PER_DAY);
        // The second written last says its day; Long.MIN_VALUE (nothing yet) is on no day written.
        if (last != null && Math.floorDiv(last.second, SECONDS_PER_DAY) == day) {
            System.arraycopy(last.text, 0, out, at, DATE_LENGTH);
        } else {
            LocalDate date = LocalDate.ofEpochDay(day);
            digits(date.getYear(), out, at, 4);
            out[at + 4] = '-';
            digits(date.getMonthValue(), out, at + 5, 2);
            out[at + 7] = '-';
            digits(date.getDayOfMonth(), out, at + 8, 2);
            out[at + 10] = 'T';
        }
        int secondOfDay = (int) (seconds - day * SECONDS_PER_DAY);
        digits(secondOfDay / 3600, out, at + 11, 2);
        out[at + 13] = ':';
        digits(secondOfDay / 60 % 60, out, at + 14, 2);
        out[at + 16] = ':';
        digits(secondOfDay % 60, out, at + 17, 2);
        out[at + 19] = '.';
        if (last != null) {
            last.second = seconds;
            System.arraycopy(out, at, last.text, 0, SECOND_LENGTH);
        }
    }

    /**
     * The date and time to the second ({@code uuuu-MM-ddTHH:mm:ss.}) a writer wrote last, for
     * {@link #writeUtc(Instant, byte[], int, LastWritten)}.
     */
    static final class LastWritten {
        private long second = Long.MIN_VALUE;
        private final byte[] text = new byte[SECOND_LENGTH];
    }

    /** A non-negative value zero-padded to exactly {@code width} digits (it must fit). */
    private static void digits(int value, byte[] out, int at, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Parses any ISO-8601 date-time; throws {@link IllegalArgumentException} if it is not one. */
    public static Instant parse(String text) {
        Instant common = parseCommon(text);
        return common != null ? common : parseAny(text);
    }

    /**
     * The shapes clients actually send ({@code 2026-11-27T04:10:41.123456+00:00}, with
     * {@code Z}, another offset, no offset, or fewer fraction digits), read by position without
     * the formatter machinery: every publish carries two timestamps. Null for anything else,
     * which {@link #parseAny} then handles (and rejects with the message).
     */
    static Instant parseCommon(String text) {
        int length = text.length();
        if (length < 19 || text.charAt(4) != '-' || text.charAt(7) != '-'
                || (text.charAt(10) != 'T' && text.charAt(10) != ' ')
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int position = 19;
        int nanos = 0;
        if (position < length && text.charAt(position) == '.') {
            int start = ++position;
            while (position < length && position - start < 9 && Character.isDigit(text.charAt(position))) {
                nanos = nanos * 10 + (text.charAt(position) - '0');
                position++;
            }
            int count = position - start;
            if (count == 0 || (position < length && Character.isDigit(text.charAt(position)))) {
                return null;
            }
            for (int i = count; i < 9; i++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (position == length) {
            offsetSeconds = 0;
        } else if (position == length - 1 && text.charAt(position) == 'Z') {
            offsetSeconds = 0;
        } else if (position == length - 6 && (text.charAt(position) == '+' || text.charAt(position) == '-')
                && text.charAt(position + 3) == ':') {
            int offsetHours = digits(text, position + 1, 2);
            int offsetMinutes = digits(text, position + 4, 2);
            if (offsetHours < 0 || offsetHours > 18 || offsetMinutes < 0 || offsetMinutes > 59) {
                return null;
            }
            offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (text.charAt(position) == '-' ? -1 : 1);
        } else {
            return null;
        }
        if (day > 28 && day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        long epochSecond = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /** The value of {@code count} ASCII digits at {@code start}, or -1 if any is not a digit. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static Instant parseAny(String text) {
        String normalized = text.length() > 10 && text.charAt(10) == ' '
                ? text.substring(0, 10) + 'T' + text.substring(11)
                : text;
        try {
            return OffsetDateTime.parse(normalized).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(normalized).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notIso) {
                throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 date-time");
            }
        }
    }
}
