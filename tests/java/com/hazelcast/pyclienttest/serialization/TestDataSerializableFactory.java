package com.hazelcast.pyclienttest.serialization;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/** The IdentifiedDataSerializable classes the Python client's tests share with the member. */
public class TestDataSerializableFactory implements DataSerializableFactory {

    public static final int FACTORY_ID = 1000;

    public static final int ALL_TYPES = 1;
    public static final int DESCRIBE_PROCESSOR = 2;
    public static final int WRITE_VALUE_PROCESSOR = 3;
    public static final int CHECK_PROCESSOR = 4;

    @Override
    public IdentifiedDataSerializable create(int typeId) {
        switch (typeId) {
            case ALL_TYPES: return new AllTypesIds();
            case DESCRIBE_PROCESSOR: return new DescribeEntryProcessor();
            case WRITE_VALUE_PROCESSOR: return new WriteValueEntryProcessor();
            case CHECK_PROCESSOR: return new CheckEntryProcessor();
            default: return null;
        }
    }
}
