package com.hazelcast.pyclienttest.serialization;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;
import java.util.Map;

/**
 * Stores the Java-made sample value of a kind ({@link Samples#make}) in the
 * entry and returns it, so the client reads values the member serialized.
 */
public class WriteValueEntryProcessor implements EntryProcessor<Object, Object, Object>, IdentifiedDataSerializable {

    private String kind;

    @Override
    public Object process(Map.Entry<Object, Object> entry) {
        Object value = Samples.make(kind);
        entry.setValue(value);
        return value;
    }

    @Override
    public int getFactoryId() {
        return TestDataSerializableFactory.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return TestDataSerializableFactory.WRITE_VALUE_PROCESSOR;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(kind);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        kind = in.readString();
    }
}
