package com.hazelcast.pyclienttest.executor;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;
import java.util.concurrent.Callable;

/** Sleeps for the given milliseconds, then returns "done". */
public class SlowCallable implements Callable<String>, IdentifiedDataSerializable {

    private long millis;

    @Override
    public String call() throws InterruptedException {
        Thread.sleep(millis);
        return "done";
    }

    @Override
    public int getFactoryId() {
        return ExecutorTestFactory.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return ExecutorTestFactory.SLOW;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeLong(millis);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        millis = in.readLong();
    }
}
