package io.eventrouter.client;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.io.StringReader;

/** Converts between event payloads ({@link JsonObject}) and Java objects, with JSON-B. */
public final class Payloads {
    private static final Jsonb JSONB = JsonbBuilder.create();

    private Payloads() {}

    /**
     * A payload from a {@link JsonObject} (used as is), a {@code Map}, a record or any bean
     * JSON-B can bind to a JSON object; null gives an empty payload.
     */
    public static JsonObject toJson(Object value) {
        if (value == null) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
        if (value instanceof JsonObject object) {
            return object;
        }
        String json;
        try {
            json = JSONB.toJson(value);
        } catch (JsonbException e) {
            throw new IllegalArgumentException("Unable to turn " + value.getClass().getName() + " into a JSON payload", e);
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("A payload must be a JSON object; "
                    + value.getClass().getName() + " becomes " + json, e);
        }
    }

    /** Binds a payload to {@code type}, e.g. a record with matching field names. */
    public static <T> T fromJson(JsonObject payload, Class<T> type) {
        try {
            return JSONB.fromJson(payload.toString(), type);
        } catch (JsonbException e) {
            throw new IllegalArgumentException("Unable to read the payload as " + type.getName(), e);
        }
    }
}
