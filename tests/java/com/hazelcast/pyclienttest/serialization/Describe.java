package com.hazelcast.pyclienttest.serialization;

import com.hazelcast.internal.serialization.impl.compact.CompactGenericRecord;
import com.hazelcast.nio.serialization.FieldKind;
import com.hazelcast.nio.serialization.genericrecord.GenericRecord;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Renders a value as the member sees it: its Java class and its value, exact
 * enough to compare (floats with their bits, strings with their code points,
 * decimals with unscaled value and scale, Compact records field by field with
 * their kinds). The Python tests compare these strings.
 */
public final class Describe {

    private Describe() {
    }

    public static String describe(Object o) {
        if (o == null) {
            return "null";
        }
        String name = o.getClass().getName();
        if (o instanceof Float) {
            float f = (Float) o;
            return name + ":" + f + " bits=" + Integer.toHexString(Float.floatToRawIntBits(f));
        }
        if (o instanceof Double) {
            double d = (Double) o;
            return name + ":" + d + " bits=" + Long.toHexString(Double.doubleToRawLongBits(d));
        }
        if (o instanceof String) {
            return name + ":" + o + " cps=" + codePoints((String) o);
        }
        if (o instanceof Character) {
            return name + ":" + o + " cp=" + Integer.toHexString((Character) o);
        }
        if (o instanceof BigDecimal) {
            BigDecimal d = (BigDecimal) o;
            return name + ":" + d.unscaledValue() + " scale=" + d.scale();
        }
        if (o.getClass().isArray()) {
            StringBuilder sb = new StringBuilder(o.getClass().getSimpleName()).append(":[");
            int n = Array.getLength(o);
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(describe(Array.get(o, i)));
            }
            return sb.append("]").toString();
        }
        if (o instanceof Collection) {
            List<String> items = new ArrayList<>();
            for (Object item : (Collection<?>) o) {
                items.add(describe(item));
            }
            return name + ":" + items;
        }
        if (o instanceof Map) {
            return name + ":" + o;
        }
        if (o instanceof GenericRecord) {
            return describeRecord((GenericRecord) o);
        }
        return name + ":" + o;
    }

    static String codePoints(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(Integer.toHexString(cp));
        });
        return sb.toString();
    }

    static String describeRecord(GenericRecord r) {
        String typeName = r instanceof CompactGenericRecord
                ? ((CompactGenericRecord) r).getSchema().getTypeName() : "?";
        StringBuilder sb = new StringBuilder("GenericRecord(").append(typeName).append("){");
        boolean first = true;
        for (String field : new TreeSet<>(r.getFieldNames())) {
            if (!first) {
                sb.append("; ");
            }
            first = false;
            FieldKind kind = r.getFieldKind(field);
            sb.append(field).append(':').append(kind).append('=').append(describe(fieldValue(r, field, kind)));
        }
        return sb.append('}').toString();
    }

    static Object fieldValue(GenericRecord r, String f, FieldKind kind) {
        switch (kind) {
            case BOOLEAN: return r.getBoolean(f);
            case ARRAY_OF_BOOLEAN: return r.getArrayOfBoolean(f);
            case INT8: return r.getInt8(f);
            case ARRAY_OF_INT8: return r.getArrayOfInt8(f);
            case INT16: return r.getInt16(f);
            case ARRAY_OF_INT16: return r.getArrayOfInt16(f);
            case INT32: return r.getInt32(f);
            case ARRAY_OF_INT32: return r.getArrayOfInt32(f);
            case INT64: return r.getInt64(f);
            case ARRAY_OF_INT64: return r.getArrayOfInt64(f);
            case FLOAT32: return r.getFloat32(f);
            case ARRAY_OF_FLOAT32: return r.getArrayOfFloat32(f);
            case FLOAT64: return r.getFloat64(f);
            case ARRAY_OF_FLOAT64: return r.getArrayOfFloat64(f);
            case STRING: return r.getString(f);
            case ARRAY_OF_STRING: return r.getArrayOfString(f);
            case DECIMAL: return r.getDecimal(f);
            case ARRAY_OF_DECIMAL: return r.getArrayOfDecimal(f);
            case TIME: return r.getTime(f);
            case ARRAY_OF_TIME: return r.getArrayOfTime(f);
            case DATE: return r.getDate(f);
            case ARRAY_OF_DATE: return r.getArrayOfDate(f);
            case TIMESTAMP: return r.getTimestamp(f);
            case ARRAY_OF_TIMESTAMP: return r.getArrayOfTimestamp(f);
            case TIMESTAMP_WITH_TIMEZONE: return r.getTimestampWithTimezone(f);
            case ARRAY_OF_TIMESTAMP_WITH_TIMEZONE: return r.getArrayOfTimestampWithTimezone(f);
            case COMPACT: return r.getGenericRecord(f);
            case ARRAY_OF_COMPACT: return r.getArrayOfGenericRecord(f);
            case NULLABLE_BOOLEAN: return r.getNullableBoolean(f);
            case ARRAY_OF_NULLABLE_BOOLEAN: return r.getArrayOfNullableBoolean(f);
            case NULLABLE_INT8: return r.getNullableInt8(f);
            case ARRAY_OF_NULLABLE_INT8: return r.getArrayOfNullableInt8(f);
            case NULLABLE_INT16: return r.getNullableInt16(f);
            case ARRAY_OF_NULLABLE_INT16: return r.getArrayOfNullableInt16(f);
            case NULLABLE_INT32: return r.getNullableInt32(f);
            case ARRAY_OF_NULLABLE_INT32: return r.getArrayOfNullableInt32(f);
            case NULLABLE_INT64: return r.getNullableInt64(f);
            case ARRAY_OF_NULLABLE_INT64: return r.getArrayOfNullableInt64(f);
            case NULLABLE_FLOAT32: return r.getNullableFloat32(f);
            case ARRAY_OF_NULLABLE_FLOAT32: return r.getArrayOfNullableFloat32(f);
            case NULLABLE_FLOAT64: return r.getNullableFloat64(f);
            case ARRAY_OF_NULLABLE_FLOAT64: return r.getArrayOfNullableFloat64(f);
            default: return "<unsupported kind " + kind + ">";
        }
    }
}
