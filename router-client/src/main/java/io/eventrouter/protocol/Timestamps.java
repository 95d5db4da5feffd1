package io.eventrouter.protocol;

import java.time.Instant;
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

    private Timestamps() {}

    public static String format(Instant instant) {
        return WRITER.format(instant);
    }

    /** Parses any ISO-8601 date-time; throws {@link IllegalArgumentException} if it is not one. */
    public static Instant parse(String text) {
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
