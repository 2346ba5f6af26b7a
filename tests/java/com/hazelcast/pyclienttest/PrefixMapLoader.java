package com.hazelcast.pyclienttest;

import com.hazelcast.map.MapLoader;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * A MapLoader backed by no store: a String key starting with "db-" loads as the
 * value "loaded-" + key, any other key is absent. It lists no keys, so nothing is
 * loaded until a missing key is read (or loaded by name), which fires LOADED events.
 */
public class PrefixMapLoader implements MapLoader<Object, Object> {

    @Override
    public Object load(Object key) {
        if (key instanceof String && ((String) key).startsWith("db-")) {
            return "loaded-" + key;
        }
        return null;
    }

    @Override
    public Map<Object, Object> loadAll(Collection<Object> keys) {
        Map<Object, Object> found = new HashMap<>();
        for (Object key : keys) {
            Object value = load(key);
            if (value != null) {
                found.put(key, value);
            }
        }
        return found;
    }

    @Override
    public Iterable<Object> loadAllKeys() {
        return null;
    }
}
