package com.hazelcast.pyclienttest.serialization;

import com.hazelcast.nio.serialization.Portable;
import com.hazelcast.nio.serialization.PortableReader;
import com.hazelcast.nio.serialization.PortableWriter;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * A Portable with a field of most kinds, a nested Portable, a null nested
 * Portable and a Portable array; the Python twin writes the same fields.
 */
public class PortableCustomer implements Portable {

    public String name;
    public int age;
    public long id;
    public boolean active;
    public double score;
    public float ratio;
    public short level;
    public byte flags;
    public char initial;
    public PortableAddress address;
    public PortableAddress noAddress;
    public PortableAddress[] history;
    public int[] nums;
    public String[] tags;
    public BigDecimal balance;
    public LocalDate birthday;
    public LocalTime wakeUp;
    public LocalDateTime joined;
    public OffsetDateTime lastSeen;

    @Override
    public int getFactoryId() {
        return TestPortableFactory.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return TestPortableFactory.CUSTOMER;
    }

    @Override
    public void writePortable(PortableWriter w) throws IOException {
        w.writeString("name", name);
        w.writeInt("age", age);
        w.writeLong("id", id);
        w.writeBoolean("active", active);
        w.writeDouble("score", score);
        w.writeFloat("ratio", ratio);
        w.writeShort("level", level);
        w.writeByte("flags", flags);
        w.writeChar("initial", initial);
        w.writePortable("address", address);
        w.writeNullPortable("noAddress", TestPortableFactory.FACTORY_ID, TestPortableFactory.ADDRESS);
        w.writePortableArray("history", history);
        w.writeIntArray("nums", nums);
        w.writeStringArray("tags", tags);
        w.writeDecimal("balance", balance);
        w.writeDate("birthday", birthday);
        w.writeTime("wakeUp", wakeUp);
        w.writeTimestamp("joined", joined);
        w.writeTimestampWithTimezone("lastSeen", lastSeen);
    }

    @Override
    public void readPortable(PortableReader r) throws IOException {
        name = r.readString("name");
        age = r.readInt("age");
        id = r.readLong("id");
        active = r.readBoolean("active");
        score = r.readDouble("score");
        ratio = r.readFloat("ratio");
        level = r.readShort("level");
        flags = r.readByte("flags");
        initial = r.readChar("initial");
        address = r.readPortable("address");
        noAddress = r.readPortable("noAddress");
        com.hazelcast.nio.serialization.Portable[] read = r.readPortableArray("history");
        if (read == null) {
            history = null;
        } else {
            history = new PortableAddress[read.length];
            for (int k = 0; k < read.length; k++) {
                history[k] = (PortableAddress) read[k];
            }
        }
        nums = r.readIntArray("nums");
        tags = r.readStringArray("tags");
        balance = r.readDecimal("balance");
        birthday = r.readDate("birthday");
        wakeUp = r.readTime("wakeUp");
        joined = r.readTimestamp("joined");
        lastSeen = r.readTimestampWithTimezone("lastSeen");
    }

    @Override
    public String toString() {
        return "PortableCustomer{name=" + Describe.describe(name) + ", age=" + age + ", id=" + id
                + ", active=" + active + ", score=" + Describe.describe(score)
                + ", ratio=" + Describe.describe(ratio) + ", level=" + level + ", flags=" + flags
                + ", initial=" + Describe.describe(initial) + ", address=" + address
                + ", noAddress=" + noAddress + ", history=" + Describe.describe(history)
                + ", nums=" + Describe.describe(nums) + ", tags=" + Describe.describe(tags)
                + ", balance=" + Describe.describe(balance) + ", birthday=" + birthday
                + ", wakeUp=" + wakeUp + ", joined=" + joined + ", lastSeen=" + lastSeen + "}";
    }
}
