package io.eventrouter.protocol;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Map;

/**
 * The members of one JSON object as the event reader asks for them: by name and typed, with
 * errors that name the field by its path (e.g. {@code event.priority}). {@link JsonFields}
 * answers from a JSON-P object; {@link ScannedFields} from what the frame reader found in a
 * publish frame's text, without a tree.
 */
interface TypedFields {

    /** The field's path, e.g. {@code event.metadata.tags}: built only for error messages. */
    String name(String field);

    /** Whether the field is missing or null. */
    boolean isAbsent(String field);

    String optString(String field) throws ProtocolException;

    Integer optInteger(String field, ErrorCode code) throws ProtocolException;

    JsonObject optObject(String field) throws ProtocolException;

    /** The object under {@code field}, or null when it is missing or null. */
    TypedFields nested(String field) throws ProtocolException;

    /** The object of strings under {@code field}; empty when it is missing or null. */
    Map<String, String> optStringMap(String field) throws ProtocolException;

    ProtocolException invalid(ErrorCode code, String message);

    default Instant optTimestamp(String field) throws ProtocolException {
        String text = optString(field);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Timestamps.parse(text);
        } catch (IllegalArgumentException e) {
            throw invalid(ErrorCode.INVALID_FIELD, "Field '" + name(field) + "': " + e.getMessage());
        }
    }
}
