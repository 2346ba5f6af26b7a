package com.hazelcast.pyclienttest.executor;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;
import java.util.concurrent.Callable;

/** Throws an IllegalStateException with the given message. */
public class FailingCallable implements Callable<String>, IdentifiedDataSerializable {

    private String message;

    @Override
    public String call() {
        throw new IllegalStateException(message);
    }

    @Override
    public int getFactoryId() {
        return ExecutorTestFactory.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return ExecutorTestFactory.FAILING;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(message);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        message = in.readString();
    }
}
