package io.eventrouter.protocol;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object kept as the compact text it arrived in, read into members only when someone
 * asks for one. Event payloads are this: the router forwards a payload without ever looking
 * inside it, so it copies the text instead of building and re-writing a tree.
 *
 * <p>The text must be one valid JSON object without insignificant whitespace; {@link
 * JsonTextReader} guarantees both. Thread-safe: concurrent first reads may both parse, and
 * either result is kept.
 */
final class RawJsonObject extends AbstractJsonObject {
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private final String json;
    /** Whether the text is all ASCII, so that its characters are its UTF-8 bytes. */
    private final boolean ascii;
    private volatile JsonObject members;

    /** @param ascii whether every character of {@code json} is ASCII; false when unsure */
    RawJsonObject(String json, boolean ascii) {
        this.json = json;
        this.ascii = ascii;
    }

    /** The compact JSON text, written as is wherever the object is encoded. */
    String json() {
        return json;
    }

    /** Whether {@link #json()} is all ASCII: the encoder then copies it without encoding it. */
    boolean isAscii() {
        return ascii;
    }

    @Override
    public JsonValue get(Object name) {
        return members().get(name);
    }

    @Override
    public boolean containsKey(Object name) {
        return members().containsKey(name);
    }

    @Override
    public int size() {
        return members().size();
    }

    @Override
    public boolean isEmpty() {
        return json.length() == 2; // compact text: "{}" is the only empty object
    }

    @Override
    public Set<Entry<String, JsonValue>> entrySet() {
        return members().entrySet();
    }

    @Override
    public String toString() {
        return json;
    }

    private JsonObject members() {
        JsonObject read = members;
        if (read == null) {
            try (JsonReader reader = READERS.createReader(new StringReader(json))) {
                read = reader.readObject();
            }
            members = read;
        }
        return read;
    }
}
