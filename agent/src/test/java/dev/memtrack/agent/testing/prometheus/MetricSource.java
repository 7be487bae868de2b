package dev.memtrack.agent.testing.prometheus;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Where a metric of the shipped exporter configuration comes from, as its HELP ends:
 * <pre>
 * Source: &lt;ObjectName&gt; &lt;Attribute&gt;[{label,...}][.item][ = {label}][ * factor]
 * </pre>
 * A {@code {label}} in the ObjectName stands for that label's value; {@code Attribute{label}} is the
 * table row (or map entry) whose index is that label's value, {@code {a,b,c}} a row of a table with a
 * three-column index; {@code .item} an item of a composite value or a column; {@code = {label}} a text
 * value carried by that label (the sample is 1); {@code * factor} a unit conversion.
 *
 * @param objectName a template such as {@code memtrack:type=Workload,name={program}}
 * @param rowLabels  labels whose values index the table rows, outermost first; empty for plain attributes
 * @param item       composite item or column; null for the attribute (or row) itself
 * @param textLabel  the label carrying a text value; null for numbers and booleans
 */
public record MetricSource(String objectName, String attribute, List<String> rowLabels, String item,
                           String textLabel, double factor) {

    private static final Pattern SOURCE = Pattern.compile(
            "Source: (\\S+) (\\w+)(?:\\{([\\w,]+)\\})?(?:\\.(\\w+))?(?: = \\{(\\w+)\\})?(?: \\* ([0-9.eE+-]+))?$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)\\}");

    /** The source at the end of a HELP text; empty if it has none. */
    public static Optional<MetricSource> fromHelp(String help) {
        Matcher m = SOURCE.matcher(help.trim());
        if (!m.find()) {
            return Optional.empty();
        }
        List<String> rows = m.group(3) == null ? List.of() : List.of(m.group(3).split(","));
        return Optional.of(new MetricSource(m.group(1), m.group(2), rows, m.group(4), m.group(5),
                m.group(6) == null ? 1 : Double.parseDouble(m.group(6))));
    }

    /** Whether {@code canonicalName} is one of the MBeans this source reads. */
    public boolean matches(ObjectName name) {
        return pattern().apply(name);
    }

    /** The template as an ObjectName pattern: each placeholder is {@code *}. */
    public ObjectName pattern() {
        return pattern(objectName);
    }

    /** An ObjectName template ({@code memtrack:type=Workload,name={program}}) as a pattern. */
    public static ObjectName pattern(String template) {
        return objectName(PLACEHOLDER.matcher(template).replaceAll("*"));
    }

    /** The MBean a sample with these labels was read from. */
    public ObjectName mbean(Map<String, String> labels) {
        Matcher m = PLACEHOLDER.matcher(objectName);
        StringBuilder name = new StringBuilder();
        while (m.find()) {
            String value = labels.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no label '" + m.group(1) + "' for " + objectName + " in " + labels);
            }
            m.appendReplacement(name, Matcher.quoteReplacement(value));
        }
        m.appendTail(name);
        return objectName(name.toString());
    }

    /**
     * The value memtrack reports for the sample with these labels, from a Jolokia read of every
     * memtrack MBean (canonical ObjectName to attributes); empty if that MBean, row or item is not
     * there. A null value (Jolokia's NaN) is {@code Double.NaN}.
     */
    public Optional<Object> value(Map<String, String> labels, Map<String, Map<String, Object>> mbeans) {
        Map<String, Object> attributes = mbeans.get(mbean(labels).getCanonicalName());
        if (attributes == null || !attributes.containsKey(attribute)) {
            return Optional.empty();
        }
        Object v = attributes.get(attribute);
        for (String row : rowLabels) {
            if (!(v instanceof Map<?, ?> rows) || !rows.containsKey(labels.get(row))) {
                return Optional.empty();
            }
            v = rows.get(labels.get(row));
        }
        if (item != null) {
            if (!(v instanceof Map<?, ?> items) || !items.containsKey(item)) {
                return Optional.empty();
            }
            v = items.get(item);
        }
        // Jolokia writes a NaN double as null.
        return Optional.of(v == null ? Double.NaN : v);
    }

    /** What this source says, for messages: {@code memtrack:type=Heap MemoryPools{pool}.usedBytes}. */
    public String describe() {
        return objectName + " " + attribute + (rowLabels.isEmpty() ? "" : "{" + String.join(",", rowLabels) + "}")
                + (item == null ? "" : "." + item);
    }

    private static ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("not an ObjectName: " + name, e);
        }
    }
}
