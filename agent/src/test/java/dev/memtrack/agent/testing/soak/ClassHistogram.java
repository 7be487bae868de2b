package dev.memtrack.agent.testing.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of {@code GC.class_histogram} (JDK 17 and later), parsed: one row per class and the total.
 * <pre>
 *  num     #instances         #bytes  class name (module)
 * -------------------------------------------------------
 *    1:         40251        9358112  [B (java.base@17.0.15)
 * ...
 * Total        412345       31234567
 * </pre>
 */
final class ClassHistogram {

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
    private static final Pattern TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)");

    record Row(String className, long instances, long bytes) {
    }

    record Totals(long instances, long bytes) {
    }

    private final List<Row> rows;
    private final long totalBytes;

    private ClassHistogram(List<Row> rows, long totalBytes) {
        this.rows = rows;
        this.totalBytes = totalBytes;
    }

    static ClassHistogram parse(String text) {
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

    long totalBytes() {
        return totalBytes;
    }

    Totals totals(Predicate<String> classNames) {
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
