package com.hazelcast.pyclienttest.executor;

import java.util.concurrent.Callable;

/**
 * Returns value * factor. No serializer is registered for it: the member reads it
 * with the zero-config (reflective) Compact serializer, whose type name is this
 * class's name.
 */
public class CompactMultiplyCallable implements Callable<Integer> {

    private int value;
    private int factor;

    public CompactMultiplyCallable() {
    }

    @Override
    public Integer call() {
        return value * factor;
    }
}
