package com.hazelcast.pyclienttest.query;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;
import java.util.Map;

/** Adds {@code delta} to an entry's int value and returns the new value. */
public class AddProcessor implements EntryProcessor<Object, Integer, Integer>, IdentifiedDataSerializable {

    private int delta;

    @Override
    public Integer process(Map.Entry<Object, Integer> entry) {
        int next = entry.getValue() + delta;
        entry.setValue(next);
        return next;
    }

    @Override
    public int getFactoryId() {
        return QueryTestFactory.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return QueryTestFactory.ADD_PROCESSOR;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeInt(delta);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        delta = in.readInt();
    }
}
