package io.eventrouter.server;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A session's user properties, which Jakarta WebSocket requires to be a mutable map of their
 * own per connection, but which the router never writes: the table is made on the first
 * {@code put}. Until then this is one small object instead of a hash map and the entry set
 * Jetty asks for when it wraps the map.
 */
final class LazyUserProperties extends AbstractMap<String, Object> {
    private Map<String, Object> entries;

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return entries == null ? Set.of() : entries.entrySet();
    }

    @Override
    public Object put(String key, Object value) {
        if (entries == null) {
            entries = new HashMap<>();
        }
        return entries.put(key, value);
    }

    @Override
    public Object get(Object key) {
        return entries == null ? null : entries.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries != null && entries.containsKey(key);
    }

    @Override
    public Object remove(Object key) {
        return entries == null ? null : entries.remove(key);
    }

    @Override
    public int size() {
        return entries == null ? 0 : entries.size();
    }

    @Override
    public void clear() {
        if (entries != null) {
            entries.clear();
        }
    }
}
