package io.eventrouter.cli;

import io.eventrouter.protocol.Event;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One event as one line for {@code monitor}: local time, priority, topic, type, source and the
 * payload as compact JSON, cut to fit. Control characters are replaced so an event cannot
 * rewrite the watcher's terminal.
 */
final class EventLine {
    static final int DEFAULT_PAYLOAD_WIDTH = 120;
    /** Sources are client ids (36-character UUIDs) or names; 20 characters tell them apart. */
    private static final int SOURCE_WIDTH = 20;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final ZoneId zone;
    private final int payloadWidth;

    EventLine(ZoneId zone, int payloadWidth) {
        this.zone = zone;
        this.payloadWidth = payloadWidth;
    }

    String format(Event event) {
        String source = event.source().isEmpty() ? "-" : cut(event.source(), SOURCE_WIDTH);
        return String.format("%s  P%-2d %-24s %-20s %-" + SOURCE_WIDTH + "s %s",
                TIME.format(event.timestamp().atZone(zone)), event.priority(), printable(event.topic()),
                printable(event.type()), printable(source), cut(printable(event.payload().toString()), payloadWidth));
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, Math.max(0, width - 1)) + "…";
    }

    private static String printable(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return clean.toString();
    }
}
