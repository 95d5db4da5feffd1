package io.eventrouter.protocol;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed access to the members of one JSON object, turning every type mismatch into a
 * {@link ProtocolException} that names the field by its path (e.g. {@code event.priority}).
 */
final class JsonFields implements TypedFields {
    private final JsonObject object;
    /** The path of a top-level object; null for a nested one, whose path comes from its parent. */
    private final String path;
    private final JsonFields parent;
    private final String member;
    private final String requestId;

    JsonFields(JsonObject object, String path, String requestId) {
        this(object, path, null, null, requestId);
    }

    private JsonFields(JsonObject object, String path, JsonFields parent, String member, String requestId) {
        this.object = object;
        this.path = path;
        this.parent = parent;
        this.member = member;
        this.requestId = requestId;
    }

    JsonObject object() {
        return object;
    }

    String requestId() {
        return requestId;
    }

    @Override
    public String name(String field) {
        String prefix = parent == null ? path : parent.name(member);
        return prefix.isEmpty() ? field : prefix + "." + field;
    }

    @Override
    public boolean isAbsent(String field) {
        JsonValue value = object.get(field);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL;
    }

    @Override
    public String optString(String field) throws ProtocolException {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw wrongType(field, "a string", value);
    }

    String requireString(String field) throws ProtocolException {
        String value = optString(field);
        if (value == null || value.isEmpty()) {
            throw invalid(ErrorCode.INVALID_FIELD, "Field '" + name(field) + "' is required and must be a non-empty string");
        }
        return value;
    }

    @Override
    public Integer optInteger(String field, ErrorCode code) throws ProtocolException {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return integer(value, field, -1, code);
    }

    JsonNumber optNumber(String field) throws ProtocolException {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number) {
            return number;
        }
        throw wrongType(field, "a number", value);
    }

    @Override
    public JsonObject optObject(String field) throws ProtocolException {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonObject nested) {
            return nested;
        }
        throw wrongType(field, "an object", value);
    }

    @Override
    public JsonFields nested(String field) throws ProtocolException {
        JsonObject nested = optObject(field);
        return nested == null ? null : new JsonFields(nested, null, this, field, requestId);
    }

    List<String> optStringList(String field) throws ProtocolException {
        List<JsonValue> items = optArray(field);
        List<String> result = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof JsonString string)) {
                throw invalid(ErrorCode.INVALID_FIELD, "Field '" + name(field) + "[" + i
                        + "]' must be a string, got " + describe(items.get(i)));
            }
            result.add(string.getString());
        }
        return result;
    }

    List<Integer> optIntegerList(String field, ErrorCode code) throws ProtocolException {
        List<JsonValue> items = optArray(field);
        List<Integer> result = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            result.add(integer(items.get(i), field, i, code));
        }
        return result;
    }

    @Override
    public Map<String, String> optStringMap(String field) throws ProtocolException {
        JsonObject map = optObject(field);
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : map.entrySet()) {
            if (!(entry.getValue() instanceof JsonString string)) {
                throw invalid(ErrorCode.INVALID_FIELD, "Field '" + name(field) + "." + entry.getKey()
                        + "' must be a string, got " + describe(entry.getValue()));
            }
            result.put(entry.getKey(), string.getString());
        }
        return result;
    }

    @Override
    public ProtocolException invalid(ErrorCode code, String message) {
        return new ProtocolException(code, message, requestId);
    }

    private List<JsonValue> optArray(String field) throws ProtocolException {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw wrongType(field, "an array", value);
        }
        return value.asJsonArray();
    }

    /** {@code value} as an int; an error names {@code field}, or its item {@code index} unless that is -1. */
    private int integer(JsonValue value, String field, int index, ErrorCode code) throws ProtocolException {
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.intValueExact();
            } catch (ArithmeticException tooLarge) {
                // falls through to the error below
            }
        }
        // The path is only built here: every publish reads two integers.
        String fieldName = index < 0 ? name(field) : name(field) + "[" + index + "]";
        throw invalid(code, "Field '" + fieldName + "' must be an integer, got " + describe(value));
    }

    private ProtocolException wrongType(String field, String expected, JsonValue value) {
        return invalid(ErrorCode.INVALID_FIELD,
                "Field '" + name(field) + "' must be " + expected + ", got " + describe(value));
    }

    static String describe(JsonValue value) {
        String text = value.toString();
        String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return value.getValueType().name().toLowerCase(java.util.Locale.ROOT) + " " + shown;
    }
}
