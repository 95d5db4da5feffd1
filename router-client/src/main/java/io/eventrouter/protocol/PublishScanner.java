package io.eventrouter.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a publish frame without building a tree: its request id and the event members the
 * event reader ({@link EventCodec}) asks for, into {@link ScannedFields}. Every publish passes
 * here, and building its JSON-P tree took half of the time spent reading it.
 *
 * <p>Null for any other frame, and for a publish holding anything this does not read or the
 * event reader would reject by type (a repeated member, a number where a string belongs, a
 * fraction for a priority...): the caller then reads the frame through {@link JsonTextReader}
 * and JSON-P, which accepts it or words the error.
 */
final class PublishScanner extends JsonScanner {
    private static final int TYPE = ProtocolNames.ordinalOf("type");
    private static final int EVENT = ProtocolNames.ordinalOf("event");
    private static final int REQUEST_ID = ProtocolNames.ordinalOf("request_id");

    private PublishScanner(CharSequence text) {
        super(text);
    }

    /**
     * The event members of the publish frame {@code text} holds, with the frame's request id;
     * null when the frame must be read the usual way.
     */
    static ScannedFields read(CharSequence text) {
        PublishScanner scanner = new PublishScanner(text);
        try {
            ScannedFields publish = scanner.publish();
            return scanner.atEnd() ? publish : null;
        } catch (RuntimeException unsupported) {
            return null;
        }
    }

    private ScannedFields publish() {
        String requestId = null;
        ScannedFields event = null;
        boolean typed = false;
        boolean identified = false;
        skipWhitespace();
        if (openObject(1)) {
            do {
                // Guessed in the order clients write them: type, event, request_id.
                memberName(!typed ? TYPE : event == null ? EVENT : REQUEST_ID);
                int ordinal = nameOrdinal;
                if (ordinal == TYPE && !typed) {
                    typed = true;
                    expect('"');
                    if (!string().equals("publish")) {
                        throw UNSUPPORTED;
                    }
                } else if (ordinal == REQUEST_ID && !identified) {
                    identified = true;
                    Object id = member(ScannedFields.Kind.STRING, null, 1);
                    requestId = id == ScannedFields.NULL ? null : (String) id;
                } else if (ordinal == EVENT && event == null && peek() == '{') {
                    event = ScannedFields.event();
                    scanObject(event, 2);
                } else if (ordinal == TYPE || ordinal == REQUEST_ID || ordinal == EVENT) {
                    throw UNSUPPORTED;
                } else {
                    skip(1);
                }
            } while (nextMember());
        }
        if (!typed || event == null) {
            throw UNSUPPORTED;
        }
        event.requestId(requestId);
        return event;
    }

    /** The members of an event or metadata object whose opening brace is next, into {@code into}. */
    private void scanObject(ScannedFields into, int depth) {
        if (!openObject(depth)) {
            return;
        }
        int expected = into.firstOrdinal();
        do {
            memberName(expected);
            int ordinal = nameOrdinal;
            ScannedFields.Kind kind = into.kind(ordinal);
            if (kind == ScannedFields.Kind.IGNORED) {
                skip(depth);
            } else if (!into.put(ordinal, member(kind, into, depth))) {
                throw UNSUPPORTED;
            }
            expected = ProtocolNames.following(ordinal);
        } while (nextMember());
    }

    /** A member's value of the given kind, or {@link ScannedFields#NULL}; anything else is unsupported. */
    private Object member(ScannedFields.Kind kind, ScannedFields owner, int depth) {
        if (peek() == 'n') {
            literal("null");
            return ScannedFields.NULL;
        }
        switch (kind) {
            case PAYLOAD:
                if (peek() != '{') {
                    throw UNSUPPORTED;
                }
                return rawObject(depth + 1);
            case METADATA:
                ScannedFields metadata = owner.metadata();
                scanObject(metadata, depth + 1);
                return metadata;
            case STRING_MAP:
                return stringMap(depth + 1);
            default:
                return scalar(kind);
        }
    }

    /** A string or an int-sized integer literal, as {@code kind} says (null was read by {@link #member}). */
    private Object scalar(ScannedFields.Kind kind) {
        char c = peek();
        if (kind == ScannedFields.Kind.STRING && c == '"') {
            at++;
            return string();
        }
        if (kind == ScannedFields.Kind.INTEGER && (c == '-' || isDigit(c))) {
            int start = at;
            boolean integral = numberEnd();
            int digits = chars[start] == '-' ? at - start - 1 : at - start;
            if (integral && digits <= 9) {
                return (int) integer(start, at);
            }
        }
        throw UNSUPPORTED;
    }

    /** An object of strings whose opening brace is next, in member order; a repeated name is unsupported. */
    private Map<String, String> stringMap(int depth) {
        if (!openObject(depth)) {
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        do {
            String name = memberName();
            expect('"');
            if (map.put(name, string()) != null) {
                throw UNSUPPORTED;
            }
        } while (nextMember());
        return map;
    }
}
