package com.hazelcast.pyclienttest.query;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;
import java.util.Comparator;
import java.util.Map;

/**
 * Orders map entries for paging predicates: by value (mode 0) or by key
 * (mode 1), in descending order, so that the order differs from the default.
 */
public class EntryComparator implements Comparator<Map.Entry<Object, Object>>, IdentifiedDataSerializable {

    public static final int DESCENDING_BY_VALUE = 0;
    public static final int DESCENDING_BY_KEY = 1;

    private int mode;

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public int compare(Map.Entry<Object, Object> a, Map.Entry<Object, Object> b) {
        Comparable x = (Comparable) (mode == DESCENDING_BY_KEY ? a.getKey() : a.getValue());
        Comparable y = (Comparable) (mode == DESCENDING_BY_KEY ? b.getKey() : b.getValue());
        return y.compareTo(x);
    }

    @Override
    public int getFactoryId() {
        return QueryTestFactory.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return QueryTestFactory.ENTRY_COMPARATOR;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeInt(mode);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        mode = in.readInt();
    }
}
