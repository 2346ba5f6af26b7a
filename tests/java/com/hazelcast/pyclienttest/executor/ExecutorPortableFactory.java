package com.hazelcast.pyclienttest.executor;

import com.hazelcast.nio.serialization.Portable;
import com.hazelcast.nio.serialization.PortableFactory;

/** The Portable callables of the Python client's executor tests. */
public class ExecutorPortableFactory implements PortableFactory {

    public static final int FACTORY_ID = 2001;

    public static final int SUM = 1;

    @Override
    public Portable create(int classId) {
        return classId == SUM ? new PortableSumCallable() : null;
    }
}
