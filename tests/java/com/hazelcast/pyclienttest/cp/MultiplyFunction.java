package com.hazelcast.pyclienttest.cp;

import com.hazelcast.core.IFunction;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;

/** Multiplies a number by a factor (a null or non-number input gives null). */
public class MultiplyFunction implements IFunction<Object, Object>, IdentifiedDataSerializable {
    private long factor;

    public MultiplyFunction() {
    }

    @Override
    public Object apply(Object input) {
        if (!(input instanceof Number)) {
            return null;
        }
        return ((Number) input).longValue() * factor;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeLong(factor);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        factor = in.readLong();
    }

    @Override
    public int getFactoryId() {
        return CpTestFactory.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return CpTestFactory.MULTIPLY;
    }
}
