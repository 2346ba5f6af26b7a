package com.hazelcast.pyclienttest.messaging;

import com.hazelcast.core.IFunction;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;

/**
 * A Ringbuffer read filter: accepts the String items that start with {@code prefix}.
 * The client sends it (factory 1200, class 1, one string field) with read_many.
 */
public class PrefixFilter implements IFunction<Object, Boolean>, IdentifiedDataSerializable {

    private static final long serialVersionUID = 1L;

    private String prefix;

    public PrefixFilter() {
    }

    public PrefixFilter(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Boolean apply(Object item) {
        return item instanceof String && ((String) item).startsWith(prefix);
    }

    @Override
    public int getFactoryId() {
        return MessagingFactory.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return MessagingFactory.PREFIX_FILTER;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(prefix);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        prefix = in.readString();
    }
}
