package io.eventrouter.protocol;

import jakarta.json.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object read by {@link JsonTextReader}: its members in document order (the last of
 * duplicate names wins, as with Parsson). Immutable once the reader hands it out.
 */
final class ParsedJsonObject extends AbstractJsonObject {
    private final Map<String, JsonValue> members;

    ParsedJsonObject(LinkedHashMap<String, JsonValue> members) {
        this.members = members;
    }

    @Override
    public JsonValue get(Object name) {
        return members.get(name);
    }

    @Override
    public boolean containsKey(Object name) {
        return members.containsKey(name);
    }

    @Override
    public int size() {
        return members.size();
    }

    @Override
    public Set<Entry<String, JsonValue>> entrySet() {
        return Collections.unmodifiableMap(members).entrySet();
    }

    @Override
    public String toString() {
        return EventJson.json(this);
    }
}
