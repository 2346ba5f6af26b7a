package com.hazelcast.pyclienttest.query;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/** The IdentifiedDataSerializable classes of the Python client's map query tests. */
public class QueryTestFactory implements DataSerializableFactory {

    public static final int FACTORY_ID = 1100;

    public static final int EMPLOYEE = 1;
    public static final int ENTRY_COMPARATOR = 2;
    public static final int UPPER_CASE_INTERCEPTOR = 3;
    public static final int INDEX_STATS_PROCESSOR = 4;
    public static final int ADD_PROCESSOR = 5;

    @Override
    public IdentifiedDataSerializable create(int typeId) {
        switch (typeId) {
            case EMPLOYEE: return new Employee();
            case ENTRY_COMPARATOR: return new EntryComparator();
            case UPPER_CASE_INTERCEPTOR: return new UpperCaseInterceptor();
            case INDEX_STATS_PROCESSOR: return new IndexStatsProcessor();
            case ADD_PROCESSOR: return new AddProcessor();
            default: return null;
        }
    }
}
