package com.hazelcast.pyclienttest.query;

import com.hazelcast.map.MapInterceptor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;

/**
 * A map interceptor: string values are stored with the suffix and read back in
 * upper case.
 */
public class UpperCaseInterceptor implements MapInterceptor, IdentifiedDataSerializable {

    private String suffix;

    @Override
    public Object interceptGet(Object value) {
        return value instanceof String ? ((String) value).toUpperCase() : value;
    }

    @Override
    public void afterGet(Object value) {
    }

    @Override
    public Object interceptPut(Object oldValue, Object newValue) {
        return newValue instanceof String ? newValue + suffix : newValue;
    }

    @Override
    public void afterPut(Object value) {
    }

    @Override
    public Object interceptRemove(Object removedValue) {
        return removedValue;
    }

    @Override
    public void afterRemove(Object value) {
    }

    @Override
    public int getFactoryId() {
        return QueryTestFactory.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return QueryTestFactory.UPPER_CASE_INTERCEPTOR;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(suffix);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        suffix = in.readString();
    }
}
