package dev.memtrack.agent.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;

/**
 * The text of {@code GC.class_histogram} (JDK 17 and later), parsed: one row per class and the total.
 * <pre>
 *  num     #instances         #bytes  class name (module)
 * -------------------------------------------------------
 *    1:         40251        9358112  [B (java.base@17.0.15)
 * ...
 * Total        412345       31234567
 * </pre>
 * Sizes are shallow: an object's arrays count under the array's class ({@code [J}, {@code [Lcom.acme.Row;}).
 */
public final class ClassHistogram {

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
    private static final Pattern TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)");

    public record Row(String className, long instances, long bytes) {
    }

    public record Totals(long instances, long bytes) {
    }

    private final List<Row> rows;
    private final long totalBytes;

    private ClassHistogram(List<Row> rows, long totalBytes) {
        this.rows = rows;
        this.totalBytes = totalBytes;
    }

    /**
     * Runs {@code GC.class_histogram} in the JVM behind {@code server} (over JMX, not Jolokia: memtrack's
     * Jolokia policy denies {@code DiagnosticCommand}, rightly). It collects the whole heap first, so the
     * figures are what is live, not garbage that happens to be there.
     */
    public static ClassHistogram read(MBeanServerConnection server) throws IOException, JMException {
        String text = (String) server.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
        return parse(text);
    }

    public static ClassHistogram parse(String text) {
        List<Row> rows = new ArrayList<>();
        long total = -1;
        for (String line : text.split("\n")) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                rows.add(new Row(row.group(3), Long.parseLong(row.group(1)), Long.parseLong(row.group(2))));
                continue;
            }
            Matcher t = TOTAL.matcher(line);
            if (t.find()) {
                total = Long.parseLong(t.group(2));
            }
        }
        if (rows.isEmpty() || total < 0) {
            throw new IllegalArgumentException("not a class histogram: "
                    + text.substring(0, Math.min(300, text.length())));
        }
        return new ClassHistogram(rows, total);
    }

    /** Live bytes of the whole heap. */
    public long totalBytes() {
        return totalBytes;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The {@code n} classes whose bytes grew most since {@code before}: {@code class +bytes (+instances)}. */
    public List<String> largestGrowthSince(ClassHistogram before, int n) {
        Map<String, Row> earlier = before.byClass();
        return byClass().values().stream()
                .map(r -> {
                    Row e = earlier.getOrDefault(r.className(), new Row(r.className(), 0, 0));
                    return new Row(r.className(), r.instances() - e.instances(), r.bytes() - e.bytes());
                })
                .sorted(Comparator.comparingLong(Row::bytes).reversed())
                .limit(n)
                .map(r -> String.format("%s %+,d bytes (%+,d)", r.className(), r.bytes(), r.instances()))
                .toList();
    }

    /** Rows by class name; a name two class loaders share is one row. */
    private Map<String, Row> byClass() {
        Map<String, Row> byClass = new HashMap<>();
        rows.forEach(r -> byClass.merge(r.className(), r,
                (a, b) -> new Row(a.className(), a.instances() + b.instances(), a.bytes() + b.bytes())));
        return byClass;
    }

    public Totals totals(Predicate<String> classNames) {
        long instances = 0;
        long bytes = 0;
        for (Row r : rows) {
            if (classNames.test(r.className())) {
                instances += r.instances();
                bytes += r.bytes();
            }
        }
        return new Totals(instances, bytes);
    }
}
