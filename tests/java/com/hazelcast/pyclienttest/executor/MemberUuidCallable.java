package com.hazelcast.pyclienttest.executor;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;
import java.util.concurrent.Callable;

/** Returns {@code prefix} followed by the UUID of the member that runs it. */
public class MemberUuidCallable implements Callable<String>, IdentifiedDataSerializable, HazelcastInstanceAware {

    private String prefix;
    private transient HazelcastInstance instance;

    @Override
    public String call() {
        return prefix + instance.getCluster().getLocalMember().getUuid();
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.instance = hazelcastInstance;
    }

    @Override
    public int getFactoryId() {
        return ExecutorTestFactory.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return ExecutorTestFactory.MEMBER_UUID;
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
