package dev.memtrack.mbeans;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularData;
import javax.management.openmbean.TabularDataSupport;
import javax.management.openmbean.TabularType;

/**
 * Maps a list of records to {@link TabularData} and back, one row per record, one column per
 * record component. Tables are what JConsole shows as a grid, what Jolokia turns into a JSON object
 * keyed by the index columns, and what the Prometheus JMX exporter turns into labelled samples.
 *
 * <p>Supported component types: {@code String}, {@code int}, {@code long}, {@code double},
 * {@code boolean} (and their boxes) and enums (written as their name). Column descriptions come
 * from {@link Description} and {@link Units} on the record components.
 *
 * <p>Instances are immutable and thread-safe; build one per row type and keep it in a constant.
 *
 * @param <R> the row record type
 */
public final class RecordTable<R extends Record> {

    private final Class<R> recordClass;
    private final RecordComponent[] components;
    private final Constructor<R> canonicalConstructor;
    private final CompositeType rowType;
    private final TabularType tableType;

    private RecordTable(Class<R> recordClass, String description, String... indexColumns) {
        this.recordClass = recordClass;
        this.components = recordClass.getRecordComponents();
        Class<?>[] parameterTypes = new Class<?>[components.length];
        String[] names = new String[components.length];
        String[] descriptions = new String[components.length];
        OpenType<?>[] types = new OpenType<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            parameterTypes[i] = c.getType();
            names[i] = c.getName();
            descriptions[i] = columnDescription(c);
            types[i] = openType(recordClass, c);
        }
        for (String index : indexColumns) {
            if (!List.of(names).contains(index)) {
                throw new IllegalArgumentException(
                        "Index column '" + index + "' is not a component of " + recordClass.getName());
            }
        }
        try {
            this.canonicalConstructor = recordClass.getDeclaredConstructor(parameterTypes);
            this.rowType = new CompositeType(recordClass.getName(), description, names, descriptions, types);
            this.tableType = new TabularType(recordClass.getName() + "Table", description, rowType, indexColumns);
        } catch (OpenDataException | NoSuchMethodException e) {
            throw new IllegalArgumentException("Cannot map " + recordClass.getName() + " to open types", e);
        }
    }

    /**
     * @param recordClass  the row type
     * @param description  what one row is, shown by consoles
     * @param indexColumns components whose values identify a row uniquely
     */
    public static <R extends Record> RecordTable<R> of(Class<R> recordClass, String description,
                                                       String... indexColumns) {
        Objects.requireNonNull(recordClass, "recordClass");
        if (indexColumns.length == 0) {
            throw new IllegalArgumentException("A table needs at least one index column");
        }
        return new RecordTable<>(recordClass, description, indexColumns);
    }

    /** The row record type. */
    public Class<R> recordClass() {
        return recordClass;
    }

    public CompositeType rowType() {
        return rowType;
    }

    public TabularType tableType() {
        return tableType;
    }

    /** Rows keep the order of {@code rows} (the JDK's TabularDataSupport preserves insertion order). */
    public TabularData toTabularData(Collection<R> rows) {
        TabularDataSupport table = new TabularDataSupport(tableType, Math.max(16, rows.size() * 2), 0.75f);
        for (R row : rows) {
            table.put(toCompositeData(row));
        }
        return table;
    }

    public CompositeData toCompositeData(R row) {
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Object v = read(components[i], row);
            values[i] = v instanceof Enum<?> e ? e.name() : v;
        }
        try {
            return new CompositeDataSupport(rowType, rowType.keySet().toArray(String[]::new),
                    orderByItemName(values));
        } catch (OpenDataException e) {
            throw new IllegalStateException("Row does not fit its own type: " + row, e);
        }
    }

    /** Reads rows back, in the table's iteration order. Meant for clients and tests. */
    public List<R> fromTabularData(TabularData table) {
        List<R> rows = new ArrayList<>(table.size());
        for (Object value : table.values()) {
            rows.add(fromCompositeData((CompositeData) value));
        }
        return rows;
    }

    public R fromCompositeData(CompositeData data) {
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Object v = data.get(components[i].getName());
            Class<?> type = components[i].getType();
            if (type.isEnum() && v != null) {
                v = enumConstant(type, (String) v);
            }
            args[i] = v;
        }
        try {
            return canonicalConstructor.newInstance(args);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalArgumentException("Cannot read a " + recordClass.getSimpleName() + " from " + data, e);
        }
    }

    // CompositeType sorts its item names; the values must follow the same order.
    private Object[] orderByItemName(Object[] valuesInComponentOrder) {
        String[] sorted = rowType.keySet().toArray(String[]::new);
        Object[] out = new Object[sorted.length];
        for (int i = 0; i < components.length; i++) {
            out[java.util.Arrays.binarySearch(sorted, components[i].getName())] = valuesInComponentOrder[i];
        }
        return out;
    }

    private static Object read(RecordComponent c, Record row) {
        try {
            return c.getAccessor().invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + c.getName() + " of " + row.getClass().getName(), e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    private static String columnDescription(RecordComponent c) {
        Description d = c.getAnnotation(Description.class);
        Units u = c.getAnnotation(Units.class);
        String text = d != null ? d.value() : c.getName();
        return u != null ? text + " (" + u.value() + ")" : text;
    }

    private static OpenType<?> openType(Class<?> owner, RecordComponent c) {
        Class<?> t = c.getType();
        if (t == String.class || t.isEnum()) {
            return SimpleType.STRING;
        } else if (t == int.class || t == Integer.class) {
            return SimpleType.INTEGER;
        } else if (t == long.class || t == Long.class) {
            return SimpleType.LONG;
        } else if (t == double.class || t == Double.class) {
            return SimpleType.DOUBLE;
        } else if (t == boolean.class || t == Boolean.class) {
            return SimpleType.BOOLEAN;
        }
        throw new IllegalArgumentException("Component " + c.getName() + " of " + owner.getName()
                + " has type " + t.getName() + "; supported: String, int, long, double, boolean, enum");
    }
}
