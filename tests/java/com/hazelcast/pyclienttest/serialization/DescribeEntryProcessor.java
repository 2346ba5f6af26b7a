package com.hazelcast.pyclienttest.serialization;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.util.Map;

/** Returns {@link Describe#describe} of the entry's value as the member deserializes it. */
public class DescribeEntryProcessor implements EntryProcessor<Object, Object, String>, IdentifiedDataSerializable {

    @Override
    public String process(Map.Entry<Object, Object> entry) {
        return Describe.describe(entry.getValue());
    }

    @Override
    public EntryProcessor<Object, Object, String> getBackupProcessor() {
        return null;  // read-only
    }

    @Override
    public int getFactoryId() {
        return TestDataSerializableFactory.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return TestDataSerializableFactory.DESCRIBE_PROCESSOR;
    }

    @Override
    public void writeData(ObjectDataOutput out) {
    }

    @Override
    public void readData(ObjectDataInput in) {
    }
}
