package io.eventrouter.protocol;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;

/** Small helpers for writing frames readably in tests. */
final class Frames {
    private Frames() {}

    /** JSON written with single quotes, so tables of frames stay readable; no value may contain a quote. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
