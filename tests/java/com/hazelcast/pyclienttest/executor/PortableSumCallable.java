package com.hazelcast.pyclienttest.executor;

import com.hazelcast.nio.serialization.Portable;
import com.hazelcast.nio.serialization.PortableReader;
import com.hazelcast.nio.serialization.PortableWriter;

import java.io.IOException;
import java.util.concurrent.Callable;

/** Returns the sum of its numbers as a long. */
public class PortableSumCallable implements Callable<Long>, Portable {

    private int[] numbers;

    @Override
    public Long call() {
        long sum = 0;
        for (int n : numbers) {
            sum += n;
        }
        return sum;
    }

    @Override
    public int getFactoryId() {
        return ExecutorPortableFactory.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return ExecutorPortableFactory.SUM;
    }

    @Override
    public void writePortable(PortableWriter writer) throws IOException {
        writer.writeIntArray("numbers", numbers);
    }

    @Override
    public void readPortable(PortableReader reader) throws IOException {
        numbers = reader.readIntArray("numbers");
    }
}
