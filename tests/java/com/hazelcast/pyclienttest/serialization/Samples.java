package com.hazelcast.pyclienttest.serialization;

import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.nio.serialization.genericrecord.GenericRecord;
import com.hazelcast.nio.serialization.genericrecord.GenericRecordBuilder;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedList;
import java.util.UUID;

/**
 * The values of each sample kind as Java builds them. The Python tests hold
 * the same values (tests/integration/test_serialization_java.py): the member
 * checks that what the client wrote equals these, and writes these for the
 * client to read.
 */
public final class Samples {

    /** Every script: Latin-1, BMP CJK, and characters outside the BMP (surrogate pairs in Java). */
    public static final String STR = "h\u00e9llo w\u00f6rld \u4e16\u754c \uD83D\uDE00\uD83C\uDF89";

    static final LocalTime TIME = LocalTime.of(13, 45, 30, 123456000);
    static final LocalDate DATE = LocalDate.of(2024, 2, 29);
    static final LocalDateTime DATE_TIME = LocalDateTime.of(DATE, TIME);
    static final OffsetDateTime OFFSET_DATE_TIME = OffsetDateTime.of(DATE_TIME, ZoneOffset.ofHoursMinutes(5, 30));

    private Samples() {
    }

    public static Object make(String kind) {
        switch (kind) {
            case "null": return null;
            case "boolean": return Boolean.TRUE;
            case "byte": return (byte) -7;
            case "short": return (short) -300;
            case "int": return 123456789;
            case "long": return -1234567890123L;
            case "biginteger": return new BigInteger("-123456789012345678901234567890");
            case "float": return 1.5f;
            case "double": return -2.25;
            case "double_tenth": return 0.1;
            case "char": return '\u00e9';
            case "string": return STR;
            case "empty_string": return "";
            case "bytes": return new byte[] {0, 1, -128, 127, -1};
            case "booleans": return new boolean[] {true, false, true};
            case "chars": return new char[] {'a', '\u00e9', 'z'};
            case "shorts": return new short[] {Short.MIN_VALUE, 0, Short.MAX_VALUE};
            case "ints": return new int[] {Integer.MIN_VALUE, 0, Integer.MAX_VALUE};
            case "longs": return new long[] {Long.MIN_VALUE, 0, Long.MAX_VALUE};
            case "floats": return new float[] {1.5f, -0.25f};
            case "doubles": return new double[] {0.1, -2.5};
            case "strings": return new String[] {"a", STR, null, ""};
            case "arraylist": return new ArrayList<>(Arrays.asList(1, "two", 3.0, null, true));
            case "nested_list": return new ArrayList<>(Arrays.asList(
                    new ArrayList<>(Collections.singletonList(1)), new ArrayList<>()));
            case "linkedlist": return new LinkedList<>(Arrays.asList(1L, "x"));
            case "objectarray": return new Object[] {1, "x"};
            case "uuid": return new UUID(0x0123456789abcdefL, 0xfedcba9876543210L);
            case "bigdecimal": return new BigDecimal("-1234567890.0987654321");
            case "bigdecimal_exp": return new BigDecimal("1.5E+10");
            case "localdate": return DATE;
            case "localtime": return TIME;
            case "localdatetime": return DATE_TIME;
            case "offsetdatetime": return OFFSET_DATE_TIME;
            case "offsetdatetime_utc": return OffsetDateTime.of(DATE_TIME, ZoneOffset.UTC);
            case "json": return new HazelcastJsonValue("{\"a\": [1, 2.5, null], \"b\": \"\u00e9\uD83D\uDE00\"}");
            case "ids": return ids();
            case "portable": return portable();
            case "compact": return compact();
            default: throw new IllegalArgumentException("unknown sample kind " + kind);
        }
    }

    static AllTypesIds ids() {
        AllTypesIds v = new AllTypesIds();
        v.bool = true;
        v.b = -7;
        v.c = '\u00e9';
        v.s = -300;
        v.i = 123456789;
        v.l = -1234567890123L;
        v.f = 1.5f;
        v.d = 0.1;
        v.str = STR;
        v.nullStr = null;
        v.bytes = new byte[] {0, 1, -128, 127, -1};
        v.bools = new boolean[] {true, false};
        v.chars = new char[] {'a', '\u00e9'};
        v.shorts = new short[] {Short.MIN_VALUE, Short.MAX_VALUE};
        v.ints = new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
        v.longs = new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
        v.floats = new float[] {1.5f, -0.25f};
        v.doubles = new double[] {0.1, -2.5};
        v.strings = new String[] {"a", STR, null};
        v.obj = new ArrayList<>(Arrays.asList(DATE, new BigDecimal("1.5")));
        return v;
    }

    static PortableCustomer portable() {
        PortableCustomer v = new PortableCustomer();
        v.name = STR;
        v.age = 42;
        v.id = -1234567890123L;
        v.active = true;
        v.score = 0.1;
        v.ratio = 1.5f;
        v.level = -300;
        v.flags = -7;
        v.initial = '\u00e9';
        v.address = new PortableAddress("Main St \u00e9", 12345);
        v.noAddress = null;
        v.history = new PortableAddress[] {new PortableAddress("Old St", 1), new PortableAddress("\uD83D\uDE00 Ave", 2)};
        v.nums = new int[] {1, 2, 3};
        v.tags = new String[] {"x", STR};
        v.balance = new BigDecimal("-1234.5678");
        v.birthday = DATE;
        v.wakeUp = LocalTime.of(6, 30, 0, 123456000);
        v.joined = LocalDateTime.of(2020, 1, 2, 3, 4, 5, 6000);
        v.lastSeen = OffsetDateTime.of(2020, 1, 2, 3, 4, 5, 6000, ZoneOffset.ofHours(-5));
        return v;
    }

    static GenericRecord address(String street, int zip) {
        return GenericRecordBuilder.compact("pyclienttest.Address").setString("street", street).setInt32("zip", zip).build();
    }

    static GenericRecord compact() {
        return GenericRecordBuilder.compact("pyclienttest.AllKinds")
                .setBoolean("boolean", true)
                .setInt8("int8", (byte) -7)
                .setInt16("int16", (short) -300)
                .setInt32("int32", 123456789)
                .setInt64("int64", -1234567890123L)
                .setFloat32("float32", 1.5f)
                .setFloat64("float64", 0.1)
                .setString("string", STR)
                .setString("null_string", null)
                .setDecimal("decimal", new BigDecimal("-1234.5678"))
                .setTime("time", TIME)
                .setDate("date", DATE)
                .setTimestamp("timestamp", DATE_TIME)
                .setTimestampWithTimezone("timestamp_with_timezone", OFFSET_DATE_TIME)
                .setGenericRecord("compact", address("Main St \u00e9", 12345))
                .setGenericRecord("null_compact", null)
                .setNullableBoolean("nullable_boolean", false)
                .setNullableInt8("nullable_int8", null)
                .setNullableInt16("nullable_int16", (short) 7)
                .setNullableInt32("nullable_int32", null)
                .setNullableInt64("nullable_int64", 9L)
                .setNullableFloat32("nullable_float32", null)
                .setNullableFloat64("nullable_float64", 2.5)
                .setArrayOfBoolean("array_of_boolean", new boolean[] {true, false, true})
                .setArrayOfInt8("array_of_int8", new byte[] {-128, 0, 127})
                .setArrayOfInt16("array_of_int16", new short[] {Short.MIN_VALUE, Short.MAX_VALUE})
                .setArrayOfInt32("array_of_int32", new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE})
                .setArrayOfInt32("null_array_of_int32", null)
                .setArrayOfInt64("array_of_int64", new long[] {Long.MIN_VALUE, Long.MAX_VALUE})
                .setArrayOfFloat32("array_of_float32", new float[] {1.5f, -0.25f})
                .setArrayOfFloat64("array_of_float64", new double[] {0.1, -2.5})
                .setArrayOfString("array_of_string", new String[] {"a", null, STR})
                .setArrayOfDecimal("array_of_decimal", new BigDecimal[] {new BigDecimal("1.5"), null, new BigDecimal("-0.001")})
                .setArrayOfTime("array_of_time", new LocalTime[] {LocalTime.MIDNIGHT, null, TIME})
                .setArrayOfDate("array_of_date", new LocalDate[] {LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31)})
                .setArrayOfTimestamp("array_of_timestamp", new LocalDateTime[] {LocalDateTime.of(1970, 1, 1, 0, 0), DATE_TIME})
                .setArrayOfTimestampWithTimezone("array_of_timestamp_with_timezone", new OffsetDateTime[] {
                        OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                        OffsetDateTime.of(DATE_TIME, ZoneOffset.ofHours(-18))})
                .setArrayOfGenericRecord("array_of_compact", new GenericRecord[] {
                        address("Old St", 1), null, address("\uD83D\uDE00 Ave", 2)})
                .setArrayOfNullableBoolean("array_of_nullable_boolean", new Boolean[] {true, null})
                .setArrayOfNullableInt8("array_of_nullable_int8", new Byte[] {1, null})
                .setArrayOfNullableInt16("array_of_nullable_int16", new Short[] {2, null})
                .setArrayOfNullableInt32("array_of_nullable_int32", new Integer[] {3, null})
                .setArrayOfNullableInt64("array_of_nullable_int64", new Long[] {4L, null})
                .setArrayOfNullableFloat32("array_of_nullable_float32", new Float[] {5.5f, null})
                .setArrayOfNullableFloat64("array_of_nullable_float64", new Double[] {6.5, null})
                .build();
    }
}
