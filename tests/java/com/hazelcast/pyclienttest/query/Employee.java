package com.hazelcast.pyclienttest.query;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;

/** A value queried by its attributes: public fields, read by the member's reflection. */
public class Employee implements IdentifiedDataSerializable {

    public String name;
    public int age;
    public String city;

    @Override
    public int getFactoryId() {
        return QueryTestFactory.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return QueryTestFactory.EMPLOYEE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(name);
        out.writeInt(age);
        out.writeString(city);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        name = in.readString();
        age = in.readInt();
        city = in.readString();
    }
}
