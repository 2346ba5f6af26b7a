package com.hazelcast.pyclienttest.serialization;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;
import java.util.Map;

/**
 * Compares the entry's value, as the member deserializes it, with the value
 * Java builds for a sample kind ({@link Samples#make}): returns "OK" when
 * both describe the same (same Java types, same values), else both descriptions.
 */
public class CheckEntryProcessor implements EntryProcessor<Object, Object, String>, IdentifiedDataSerializable {

    private String kind;

    @Override
    public String process(Map.Entry<Object, Object> entry) {
        String expected = Describe.describe(Samples.make(kind));
        String actual = Describe.describe(entry.getValue());
        return expected.equals(actual) ? "OK" : "MISMATCH\njava:   " + expected + "\nclient: " + actual;
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
        return TestDataSerializableFactory.CHECK_PROCESSOR;
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
