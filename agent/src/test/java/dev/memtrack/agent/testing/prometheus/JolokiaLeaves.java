package dev.memtrack.agent.testing.prometheus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;

/**
 * The numeric and boolean values of memtrack's MBeans as a Prometheus exporter could export them:
 * {@code (MBean, attribute, item)}, where the item is a composite's item or a table's column (rows are
 * not told apart: one leaf per column). Text values are not metrics and are left out.
 */
public final class JolokiaLeaves {

    /** One exportable value; {@code item} is null for a plain attribute or a map's values. */
    public record Leaf(String mbean, String attribute, String item) implements Comparable<Leaf> {

        @Override
        public int compareTo(Leaf o) {
            return toString().compareTo(o.toString());
        }

        @Override
        public String toString() {
            return mbean + " " + attribute + (item == null ? "" : "." + item);
        }
    }

    private JolokiaLeaves() {
    }

    /**
     * @param values canonical ObjectName to attribute values (a Jolokia read of {@code memtrack:*})
     * @param types  canonical ObjectName to attribute name to its type as Jolokia's {@code list} gives it
     */
    public static Set<Leaf> of(Map<String, Map<String, Object>> values, Map<String, Map<String, String>> types) {
        Set<Leaf> leaves = new TreeSet<>();
        values.forEach((mbean, attributes) -> attributes.forEach((attribute, value) -> {
            String type = types.getOrDefault(mbean, Map.of()).getOrDefault(attribute, "");
            if (isMetric(value)) {
                leaves.add(new Leaf(mbean, attribute, null));
            } else if (value instanceof Map<?, ?> map && type.endsWith("CompositeData")) {
                map.forEach((item, v) -> {
                    if (isMetric(v)) {
                        leaves.add(new Leaf(mbean, attribute, (String) item));
                    }
                });
            } else if (value instanceof Map<?, ?> map && type.endsWith("TabularData")) {
                rows(mbean, attribute, map, leaves);
            }
        }));
        return leaves;
    }

    /**
     * Descends the index levels of a table to its rows. Index columns (their value is the row's key
     * in every row: rank, core) are labels, not values, and are left out.
     */
    private static void rows(String mbean, String attribute, Map<?, ?> table, Set<Leaf> leaves) {
        Map<String, Boolean> columnIsIndex = new TreeMap<>();
        collect(table, new ArrayList<>(), columnIsIndex, leaves, mbean, attribute);
        columnIsIndex.forEach((column, index) -> {
            if (!index) {
                leaves.add(new Leaf(mbean, attribute, column));
            }
        });
    }

    private static void collect(Map<?, ?> level, List<String> keys, Map<String, Boolean> columnIsIndex,
                                Set<Leaf> leaves, String mbean, String attribute) {
        level.forEach((key, entry) -> {
            List<String> path = new ArrayList<>(keys);
            path.add(String.valueOf(key));
            if (isMetric(entry)) {
                leaves.add(new Leaf(mbean, attribute, null)); // a map's values (MXBean Map<String, Double>)
            } else if (entry instanceof Map<?, ?> next && next.values().stream().allMatch(v -> v instanceof Map)) {
                collect(next, path, columnIsIndex, leaves, mbean, attribute);
            } else if (entry instanceof Map<?, ?> row) {
                row.forEach((column, v) -> {
                    if (isMetric(v)) {
                        columnIsIndex.merge((String) column, path.contains(String.valueOf(v)), Boolean::logicalAnd);
                    }
                });
            }
        });
    }

    private static boolean isMetric(Object value) {
        return value instanceof Number || value instanceof Boolean;
    }
}
