package io.eventrouter.protocol;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.AbstractMap;

/**
 * The typed getters of {@link JsonObject}, defined over {@link #get(Object)} with the meaning
 * the JSON-P specification gives them; subclasses supply the members. Equality and hash code
 * are those of {@link java.util.Map}, so instances equal Parsson's objects with the same members.
 */
abstract class AbstractJsonObject extends AbstractMap<String, JsonValue> implements JsonObject {

    @Override
    public final ValueType getValueType() {
        return ValueType.OBJECT;
    }

    @Override
    public JsonArray getJsonArray(String name) {
        return (JsonArray) get(name);
    }

    @Override
    public JsonObject getJsonObject(String name) {
        return (JsonObject) get(name);
    }

    @Override
    public JsonNumber getJsonNumber(String name) {
        return (JsonNumber) get(name);
    }

    @Override
    public JsonString getJsonString(String name) {
        return (JsonString) get(name);
    }

    @Override
    public String getString(String name) {
        return getJsonString(name).getString();
    }

    @Override
    public String getString(String name, String defaultValue) {
        return get(name) instanceof JsonString string ? string.getString() : defaultValue;
    }

    @Override
    public int getInt(String name) {
        return getJsonNumber(name).intValue();
    }

    @Override
    public int getInt(String name, int defaultValue) {
        return get(name) instanceof JsonNumber number ? number.intValue() : defaultValue;
    }

    @Override
    public boolean getBoolean(String name) {
        JsonValue value = get(name);
        if (value == null) {
            throw new NullPointerException("No member named '" + name + "'");
        }
        if (value.getValueType() == ValueType.TRUE) {
            return true;
        }
        if (value.getValueType() == ValueType.FALSE) {
            return false;
        }
        throw new ClassCastException("Member '" + name + "' is " + value.getValueType() + ", not a boolean");
    }

    @Override
    public boolean getBoolean(String name, boolean defaultValue) {
        ValueType type = get(name) == null ? null : get(name).getValueType();
        if (type == ValueType.TRUE) {
            return true;
        }
        return type == ValueType.FALSE ? false : defaultValue;
    }

    @Override
    public boolean isNull(String name) {
        JsonValue value = get(name);
        if (value == null) {
            throw new NullPointerException("No member named '" + name + "'");
        }
        return value.getValueType() == ValueType.NULL;
    }
}
