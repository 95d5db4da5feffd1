package io.eventrouter.server;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A session's user properties, which Jakarta WebSocket requires to be a mutable map of their
 * own per connection, but which the router never writes: the table is made on the first
 * {@code put}. Until then this is one small object (a bare {@link Map}, without the cached
 * views {@code AbstractMap} keeps) instead of a hash map and the entry set Jetty asks for
 * when it wraps the map. The empty views it hands out until then are Java's empty
 * collections, on which removing and clearing do nothing.
 */
final class LazyUserProperties implements Map<String, Object> {
    private Map<String, Object> entries;

    private Map<String, Object> read() {
        return entries == null ? Collections.emptyMap() : entries;
    }

    @Override
    public Object put(String key, Object value) {
        if (entries == null) {
            entries = new HashMap<>();
        }
        return entries.put(key, value);
    }

    @Override
    public void putAll(Map<? extends String, ?> more) {
        more.forEach(this::put);
    }

    @Override
    public Object get(Object key) {
        return read().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return read().containsKey(key);
    }

    @Override
    public boolean containsValue(Object value) {
        return read().containsValue(value);
    }

    @Override
    public Object remove(Object key) {
        return entries == null ? null : entries.remove(key);
    }

    @Override
    public void clear() {
        if (entries != null) {
            entries.clear();
        }
    }

    @Override
    public int size() {
        return read().size();
    }

    @Override
    public boolean isEmpty() {
        return read().isEmpty();
    }

    @Override
    public Set<String> keySet() {
        return read().keySet();
    }

    @Override
    public Collection<Object> values() {
        return read().values();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return read().entrySet();
    }

    @Override
    public boolean equals(Object other) {
        return read().equals(other);
    }

    @Override
    public int hashCode() {
        return read().hashCode();
    }

    @Override
    public String toString() {
        return read().toString();
    }
}
