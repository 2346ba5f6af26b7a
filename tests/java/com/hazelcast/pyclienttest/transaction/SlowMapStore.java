package com.hazelcast.pyclienttest.transaction;

import com.hazelcast.map.MapStore;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;

/**
 * A write-through MapStore that takes 100 ms for each store and keeps nothing: the
 * commit of a transaction writing many entries of its map lasts long enough for a
 * test to kill a member while the commit is under way. Loads find nothing.
 */
public class SlowMapStore implements MapStore<Object, Object> {

    private static final long STORE_MILLIS = 100;

    @Override
    public void store(Object key, Object value) {
        try {
            Thread.sleep(STORE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void storeAll(Map<Object, Object> entries) {
        for (Map.Entry<Object, Object> entry : entries.entrySet()) {
            store(entry.getKey(), entry.getValue());
        }
    }

    @Override
    public void delete(Object key) {
    }

    @Override
    public void deleteAll(Collection<Object> keys) {
    }

    @Override
    public Object load(Object key) {
        return null;
    }

    @Override
    public Map<Object, Object> loadAll(Collection<Object> keys) {
        return Collections.emptyMap();
    }

    @Override
    public Iterable<Object> loadAllKeys() {
        return null;
    }
}
