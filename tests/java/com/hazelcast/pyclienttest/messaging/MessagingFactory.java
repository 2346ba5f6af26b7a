package com.hazelcast.pyclienttest.messaging;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/** The IdentifiedDataSerializable classes of the Ringbuffer and topic tests. */
public class MessagingFactory implements DataSerializableFactory {

    public static final int FACTORY_ID = 1200;

    public static final int PREFIX_FILTER = 1;

    @Override
    public IdentifiedDataSerializable create(int typeId) {
        return typeId == PREFIX_FILTER ? new PrefixFilter() : null;
    }
}
