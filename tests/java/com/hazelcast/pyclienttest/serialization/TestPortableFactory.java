package com.hazelcast.pyclienttest.serialization;

import com.hazelcast.nio.serialization.Portable;
import com.hazelcast.nio.serialization.PortableFactory;

/** The Portable classes the Python client's tests share with the member. */
public class TestPortableFactory implements PortableFactory {

    public static final int FACTORY_ID = 1001;

    public static final int CUSTOMER = 1;
    public static final int ADDRESS = 2;

    @Override
    public Portable create(int classId) {
        switch (classId) {
            case CUSTOMER: return new PortableCustomer();
            case ADDRESS: return new PortableAddress();
            default: return null;
        }
    }
}
