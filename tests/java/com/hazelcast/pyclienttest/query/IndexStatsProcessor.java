package com.hazelcast.pyclienttest.query;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.query.LocalIndexStats;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Returns the member's statistics of the indexes of a map, as
 * "name=queryCount/hitCount;..." (sorted by index name), so a test sees which
 * indexes exist and which ones served its queries.
 */
public class IndexStatsProcessor implements EntryProcessor<Object, Object, String>, IdentifiedDataSerializable,
        HazelcastInstanceAware {

    private String mapName;
    private transient HazelcastInstance instance;

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.instance = hazelcastInstance;
    }

    @Override
    public String process(Map.Entry<Object, Object> entry) {
        HazelcastInstance hz = instance != null ? instance : Hazelcast.getAllHazelcastInstances().iterator().next();
        Map<String, LocalIndexStats> stats = new TreeMap<>(hz.getMap(mapName).getLocalMapStats().getIndexStats());
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, LocalIndexStats> e : stats.entrySet()) {
            if (out.length() > 0) {
                out.append(';');
            }
            out.append(e.getKey()).append('=').append(e.getValue().getQueryCount())
               .append('/').append(e.getValue().getHitCount());
        }
        return out.toString();
    }

    @Override
    public EntryProcessor<Object, Object, String> getBackupProcessor() {
        return null;  // read-only
    }

    @Override
    public int getFactoryId() {
        return QueryTestFactory.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return QueryTestFactory.INDEX_STATS_PROCESSOR;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(mapName);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        mapName = in.readString();
    }
}
