package io.eventrouter.protocol;

import jakarta.json.JsonValue;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A JSON object read by {@link JsonTextReader}: its members in document order, in two arrays.
 * Protocol objects have a handful of members, looked up by names that are usually the very
 * string instances the reader stored, so a linear scan beats hashing and allocates nothing per
 * member. The last of duplicate names wins, in the place of the first, as with Parsson.
 * Immutable once the reader hands it out.
 */
final class ParsedJsonObject extends AbstractJsonObject {
    private final String[] names;
    private final JsonValue[] values;
    private int cursor;

    /** The reader's members, in document order, duplicates already resolved; the arrays are kept. */
    ParsedJsonObject(String[] names, JsonValue[] values) {
        this.names = names;
        this.values = values;
    }

    @Override
    public JsonValue get(Object name) {
        int at = indexOf(name);
        return at < 0 ? null : values[at];
    }

    @Override
    public boolean containsKey(Object name) {
        return indexOf(name) >= 0;
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public Set<Entry<String, JsonValue>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, JsonValue>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < names.length;
                    }

                    @Override
                    public Entry<String, JsonValue> next() {
                        if (next >= names.length) {
                            throw new NoSuchElementException();
                        }
                        int at = next++;
                        return Map.entry(names[at], values[at]);
                    }
                };
            }

            @Override
            public int size() {
                return names.length;
            }
        };
    }

    @Override
    public String toString() {
        return EventJson.json(this);
    }

    /**
     * Readers mostly ask for members in the order they were written, so the scan starts after
     * the last hit. The cursor is only a hint: a stale value from another thread costs a
     * longer scan, never a wrong answer.
     */
    private int indexOf(Object name) {
        int start = cursor;
        for (int n = 0, i = start, size = names.length; n < size; n++, i = i + 1 == size ? 0 : i + 1) {
            if (names[i] == name) {
                cursor = i + 1 == names.length ? 0 : i + 1;
                return i;
            }
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
