package io.eventrouter.protocol;

import jakarta.json.JsonObject;
import java.util.Arrays;
import java.util.Map;

/**
 * The members of a published event, or of its metadata, as {@link PublishScanner}
 * found them in the frame's text, kept by {@link ProtocolNames} ordinal. Only members the
 * event reader ({@link EventCodec}) asks for are kept, and only of the types it accepts:
 * {@link #kind} says which. A frame holding anything else is not read this way at all, so
 * here every lookup succeeds and every error the event reader raises is about a value (an
 * invalid topic, a priority out of range), worded and located as {@link JsonFields} would.
 */
final class ScannedFields implements TypedFields {
    /** What a member holds, as far as the event reader is concerned. */
    enum Kind {
        /** A string, or null. */
        STRING,
        /** An integer that fits an int, or null. */
        INTEGER,
        /** An object, kept as raw text, or null. */
        PAYLOAD,
        /** The event's metadata object, or null. */
        METADATA,
        /** An object of strings, or null. */
        STRING_MAP,
        /** Not read by the event reader: only checked to be JSON. */
        IGNORED
    }

    /** A member whose value is JSON null (a missing member has no value at all). */
    static final Object NULL = new Object();

    private static final Kind[] EVENT = kinds(Map.ofEntries(
            Map.entry("id", Kind.STRING), Map.entry("topic", Kind.STRING), Map.entry("type", Kind.STRING),
            Map.entry("priority", Kind.INTEGER), Map.entry("source", Kind.STRING), Map.entry("target", Kind.STRING),
            Map.entry("payload", Kind.PAYLOAD), Map.entry("metadata", Kind.METADATA),
            Map.entry("timestamp", Kind.STRING), Map.entry("version", Kind.STRING),
            Map.entry("delivery_status", Kind.STRING), Map.entry("delivery_attempts", Kind.INTEGER),
            Map.entry("last_delivery_attempt", Kind.STRING), Map.entry("delivery_error", Kind.STRING)));
    private static final Kind[] METADATA = kinds(Map.of(
            "created_at", Kind.STRING, "correlation_id", Kind.STRING, "causation_id", Kind.STRING,
            "user_id", Kind.STRING, "session_id", Kind.STRING, "trace_id", Kind.STRING, "span_id", Kind.STRING,
            "tags", Kind.STRING_MAP, "headers", Kind.STRING_MAP));

    private static final int FIRST_EVENT_MEMBER = ProtocolNames.ordinalOf("id");
    private static final int FIRST_METADATA_MEMBER = ProtocolNames.ordinalOf("created_at");

    private final Kind[] kinds;
    private final Object[] values = new Object[ProtocolNames.COUNT];
    private final ScannedFields parent;
    private final String member;
    private String requestId;
    private long present;

    private ScannedFields(Kind[] kinds, ScannedFields parent, String member) {
        this.kinds = kinds;
        this.parent = parent;
        this.member = member;
    }

    /** The members of the event under a publish frame's {@code event}. */
    static ScannedFields event() {
        return new ScannedFields(EVENT, null, "event");
    }

    /** The members of this event's metadata. */
    ScannedFields metadata() {
        return new ScannedFields(METADATA, this, "metadata");
    }

    /** The ordinal of the member that comes first in this object as the protocol writes it. */
    int firstOrdinal() {
        return kinds == EVENT ? FIRST_EVENT_MEMBER : FIRST_METADATA_MEMBER;
    }

    /** What the member with this ordinal (-1: not a protocol name) holds. */
    Kind kind(int ordinal) {
        return ordinal < 0 ? Kind.IGNORED : kinds[ordinal];
    }

    /** Keeps a member's value; false if the member was already there. */
    boolean put(int ordinal, Object value) {
        long bit = 1L << ordinal;
        if ((present & bit) != 0) {
            return false;
        }
        present |= bit;
        values[ordinal] = value;
        return true;
    }

    /** The publish frame's request id, which may come after the event; errors carry it. */
    void requestId(String value) {
        requestId = value;
    }

    /** The request id of the publish frame this event came in. */
    String requestId() {
        return parent == null ? requestId : parent.requestId();
    }

    private Object value(String field) {
        int slot = ProtocolNames.find(field);
        Object value = slot < 0 ? null : values[ProtocolNames.ordinal(slot)];
        return value == NULL ? null : value;
    }

    @Override
    public String name(String field) {
        return (parent == null ? member : parent.name(member)) + "." + field;
    }

    @Override
    public boolean isAbsent(String field) {
        return value(field) == null;
    }

    @Override
    public String optString(String field) {
        return (String) value(field);
    }

    @Override
    public Integer optInteger(String field, ErrorCode code) {
        return (Integer) value(field);
    }

    @Override
    public JsonObject optObject(String field) {
        return (JsonObject) value(field);
    }

    @Override
    public ScannedFields nested(String field) {
        return (ScannedFields) value(field);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, String> optStringMap(String field) {
        Map<String, String> map = (Map<String, String>) value(field);
        return map == null ? Map.of() : map;
    }

    @Override
    public ProtocolException invalid(ErrorCode code, String message) {
        return new ProtocolException(code, message, requestId());
    }

    private static Kind[] kinds(Map<String, Kind> byName) {
        Kind[] kinds = new Kind[ProtocolNames.COUNT];
        Arrays.fill(kinds, Kind.IGNORED);
        byName.forEach((name, kind) -> kinds[ProtocolNames.ordinalOf(name)] = kind);
        return kinds;
    }
}
