package com.hazelcast.pyclienttest.executor;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/** The IdentifiedDataSerializable callables of the Python client's executor tests. */
public class ExecutorTestFactory implements DataSerializableFactory {

    public static final int FACTORY_ID = 2000;

    public static final int MEMBER_UUID = 1;
    public static final int FAILING = 2;
    public static final int SLOW = 3;

    @Override
    public IdentifiedDataSerializable create(int typeId) {
        switch (typeId) {
            case MEMBER_UUID: return new MemberUuidCallable();
            case FAILING: return new FailingCallable();
            case SLOW: return new SlowCallable();
            default: return null;
        }
    }
}
