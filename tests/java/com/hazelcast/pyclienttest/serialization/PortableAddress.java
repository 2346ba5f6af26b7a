package com.hazelcast.pyclienttest.serialization;

import com.hazelcast.nio.serialization.Portable;
import com.hazelcast.nio.serialization.PortableReader;
import com.hazelcast.nio.serialization.PortableWriter;

import java.io.IOException;

/** A small Portable, nested in {@link PortableCustomer}. */
public class PortableAddress implements Portable {

    public String street;
    public int zip;

    public PortableAddress() {
    }

    public PortableAddress(String street, int zip) {
        this.street = street;
        this.zip = zip;
    }

    @Override
    public int getFactoryId() {
        return TestPortableFactory.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return TestPortableFactory.ADDRESS;
    }

    @Override
    public void writePortable(PortableWriter writer) throws IOException {
        writer.writeString("street", street);
        writer.writeInt("zip", zip);
    }

    @Override
    public void readPortable(PortableReader reader) throws IOException {
        street = reader.readString("street");
        zip = reader.readInt("zip");
    }

    @Override
    public String toString() {
        return "PortableAddress{street=" + Describe.describe(street) + ", zip=" + zip + "}";
    }
}
