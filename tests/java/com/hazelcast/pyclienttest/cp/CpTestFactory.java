package com.hazelcast.pyclienttest.cp;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/** The IdentifiedDataSerializable classes of the CP Subsystem tests. */
public class CpTestFactory implements DataSerializableFactory {
    public static final int FACTORY_ID = 7301;
    public static final int MULTIPLY = 1;

    @Override
    public IdentifiedDataSerializable create(int typeId) {
        if (typeId == MULTIPLY) {
            return new MultiplyFunction();
        }
        return null;
    }
}
