import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import com.hazelcast.internal.serialization.impl.compact.Schema;
import com.hazelcast.internal.serialization.impl.compact.SchemaService;
import com.hazelcast.nio.serialization.genericrecord.GenericRecord;
import com.hazelcast.nio.serialization.genericrecord.GenericRecordBuilder;

import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Prints known answers for the Python client's Compact tests: schema ids
 * and the serialized bytes of GenericRecords with every field kind, in both
 * byte orders. Run: javac -cp hazelcast.jar CompactVectors.java &&
 * java -cp hazelcast.jar:. CompactVectors
 */
public class CompactVectors {

    static final class MapSchemaService implements SchemaService {
        final Map<Long, Schema> schemas = new HashMap<>();
        public Schema get(long id) { return schemas.get(id); }
        public void put(Schema schema) { schemas.put(schema.getSchemaId(), schema); }
        public void putLocal(Schema schema) { put(schema); }
    }

    static GenericRecord inner(int x, String s) {
        return GenericRecordBuilder.compact("Inner").setInt32("x", x).setString("s", s).build();
    }

    static GenericRecord allKinds() {
        GenericRecordBuilder b = GenericRecordBuilder.compact("AllKinds");
        for (int i = 0; i < 10; i++) {
            b.setBoolean("bool" + i, i % 3 == 0);
        }
        b.setInt8("i8", (byte) -7).setInt16("i16", (short) -300).setInt32("i32", 123456789)
                .setInt64("i64", -1234567890123L).setFloat32("f32", 1.5f).setFloat64("f64", -2.25)
                .setString("str", "h\u00e9llo \uD83D\uDE00").setString("nullStr", null)
                .setDecimal("dec", new BigDecimal("-1234.5678"))
                .setTime("time", LocalTime.of(1, 2, 3, 456789000))
                .setDate("date", LocalDate.of(2023, 5, 17))
                .setTimestamp("ts", LocalDateTime.of(2001, 2, 3, 4, 5, 6, 7000))
                .setTimestampWithTimezone("tstz", OffsetDateTime.of(2001, 2, 3, 4, 5, 6, 7000, ZoneOffset.ofHours(-5)))
                .setGenericRecord("nested", inner(5, "in")).setGenericRecord("nullNested", null)
                .setArrayOfBoolean("aBool", new boolean[]{true, false, true, true, false, false, false, true, true})
                .setArrayOfInt8("aI8", new byte[]{-1, 0, 127})
                .setArrayOfInt16("aI16", new short[]{1, -2})
                .setArrayOfInt32("aI32", new int[]{3, -4})
                .setArrayOfInt64("aI64", new long[]{5, -6})
                .setArrayOfFloat32("aF32", new float[]{0.5f})
                .setArrayOfFloat64("aF64", new double[]{0.25, -1})
                .setArrayOfString("aStr", new String[]{"a", null, "c"})
                .setArrayOfDecimal("aDec", new BigDecimal[]{new BigDecimal("1.5"), null})
                .setArrayOfTime("aTime", new LocalTime[]{LocalTime.of(23, 59, 59, 999999000)})
                .setArrayOfDate("aDate", new LocalDate[]{LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31)})
                .setArrayOfTimestamp("aTs", new LocalDateTime[]{LocalDateTime.of(2020, 2, 29, 12, 0)})
                .setArrayOfTimestampWithTimezone("aTstz", new OffsetDateTime[]{
                        OffsetDateTime.of(2020, 2, 29, 12, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30))})
                .setArrayOfGenericRecord("aNested", new GenericRecord[]{inner(1, null), null})
                .setArrayOfInt32("aNull", null)
                .setNullableBoolean("nBool", true).setNullableInt8("nI8", (byte) 8).setNullableInt16("nI16", null)
                .setNullableInt32("nI32", 32).setNullableInt64("nI64", null).setNullableFloat32("nF32", 3.5f)
                .setNullableFloat64("nF64", null)
                .setArrayOfNullableBoolean("anBool", new Boolean[]{true, null})
                .setArrayOfNullableInt8("anI8", new Byte[]{1, null})
                .setArrayOfNullableInt16("anI16", new Short[]{null})
                .setArrayOfNullableInt32("anI32", new Integer[]{1, 2})
                .setArrayOfNullableInt64("anI64", new Long[]{null, 64L})
                .setArrayOfNullableFloat32("anF32", new Float[]{})
                .setArrayOfNullableFloat64("anF64", new Double[]{null});
        return b.build();
    }

    static GenericRecord longText(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append((char) ('a' + i % 26));
        }
        return GenericRecordBuilder.compact("Text").setString("text", sb.toString()).setString("tail", "end")
                .setInt32("n", length).build();
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02x", b));
        }
        return sb.toString();
    }

    public static void main(String[] args) {
        for (ByteOrder order : new ByteOrder[]{ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            MapSchemaService schemas = new MapSchemaService();
            InternalSerializationService ss = new DefaultSerializationServiceBuilder()
                    .setByteOrder(order).setSchemaService(schemas).build();
            Object[][] records = {
                    {"AllKinds", allKinds()}, {"Inner", inner(5, "in")}, {"Empty", GenericRecordBuilder.compact("Empty").build()},
                    {"Text300", longText(300)}, {"Text70000", longText(70000)},
            };
            for (Object[] named : records) {
                Data data = ss.toData(named[1]);
                System.out.println(named[0] + " " + order + " " + hex(data.toByteArray()));
            }
            if (order == ByteOrder.BIG_ENDIAN) {
                for (Schema schema : schemas.schemas.values()) {
                    System.out.println("schema " + schema.getTypeName() + " " + schema.getSchemaId());
                }
            }
        }
    }
}
