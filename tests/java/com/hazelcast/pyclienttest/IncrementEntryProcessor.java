package com.hazelcast.pyclienttest;

import com.hazelcast.map.EntryProcessor;

import java.util.Map;

/**
 * Adds {@code delta} to an entry's int value (a missing value counts as 0) and
 * returns the new value. Plain java.io.Serializable: it proves that the harness
 * compiles tests/java and puts the classes on the members' classpath.
 */
public class IncrementEntryProcessor implements EntryProcessor<Object, Integer, Integer> {

    private static final long serialVersionUID = 1L;

    private final int delta;

    public IncrementEntryProcessor() {
        this(1);
    }

    public IncrementEntryProcessor(int delta) {
        this.delta = delta;
    }

    @Override
    public Integer process(Map.Entry<Object, Integer> entry) {
        Integer current = entry.getValue();
        int next = (current == null ? 0 : current) + delta;
        entry.setValue(next);
        return next;
    }

    /** Lets a test check from the command line that the class runs as intended. */
    public static void main(String[] args) {
        java.util.AbstractMap.SimpleEntry<Object, Integer> entry = new java.util.AbstractMap.SimpleEntry<>("k", 41);
        System.out.println(new IncrementEntryProcessor().process(entry));
    }
}
