package com.hazelcast.pyclienttest.serialization;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;

/**
 * An IdentifiedDataSerializable with a field for each ObjectDataOutput
 * method; the Python twin writes and reads them in the same order.
 */
public class AllTypesIds implements IdentifiedDataSerializable {

    public boolean bool;
    public byte b;
    public char c;
    public short s;
    public int i;
    public long l;
    public float f;
    public double d;
    public String str;
    public String nullStr;
    public byte[] bytes;
    public boolean[] bools;
    public char[] chars;
    public short[] shorts;
    public int[] ints;
    public long[] longs;
    public float[] floats;
    public double[] doubles;
    public String[] strings;
    public Object obj;

    @Override
    public int getFactoryId() {
        return TestDataSerializableFactory.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return TestDataSerializableFactory.ALL_TYPES;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeBoolean(bool);
        out.writeByte(b);
        out.writeChar(c);
        out.writeShort(s);
        out.writeInt(i);
        out.writeLong(l);
        out.writeFloat(f);
        out.writeDouble(d);
        out.writeString(str);
        out.writeString(nullStr);
        out.writeByteArray(bytes);
        out.writeBooleanArray(bools);
        out.writeCharArray(chars);
        out.writeShortArray(shorts);
        out.writeIntArray(ints);
        out.writeLongArray(longs);
        out.writeFloatArray(floats);
        out.writeDoubleArray(doubles);
        out.writeStringArray(strings);
        out.writeObject(obj);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        bool = in.readBoolean();
        b = in.readByte();
        c = in.readChar();
        s = in.readShort();
        i = in.readInt();
        l = in.readLong();
        f = in.readFloat();
        d = in.readDouble();
        str = in.readString();
        nullStr = in.readString();
        bytes = in.readByteArray();
        bools = in.readBooleanArray();
        chars = in.readCharArray();
        shorts = in.readShortArray();
        ints = in.readIntArray();
        longs = in.readLongArray();
        floats = in.readFloatArray();
        doubles = in.readDoubleArray();
        strings = in.readStringArray();
        obj = in.readObject();
    }

    @Override
    public String toString() {
        return "AllTypesIds{bool=" + bool + ", b=" + b + ", c=" + Describe.describe(c) + ", s=" + s
                + ", i=" + i + ", l=" + l + ", f=" + Describe.describe(f) + ", d=" + Describe.describe(d)
                + ", str=" + Describe.describe(str) + ", nullStr=" + Describe.describe(nullStr)
                + ", bytes=" + Describe.describe(bytes) + ", bools=" + Describe.describe(bools)
                + ", chars=" + Describe.describe(chars) + ", shorts=" + Describe.describe(shorts)
                + ", ints=" + Describe.describe(ints) + ", longs=" + Describe.describe(longs)
                + ", floats=" + Describe.describe(floats) + ", doubles=" + Describe.describe(doubles)
                + ", strings=" + Describe.describe(strings) + ", obj=" + Describe.describe(obj) + "}";
    }
}
