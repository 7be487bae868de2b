package dev.memtrack.benchmarks.overhead;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One child JVM's run: what {@link ProgramRun} printed, and the wall time the harness measured around
 * the whole process.
 *
 * @param cpuMillis      process CPU time when the work was done (JVM start-up and agents included)
 * @param workCpuMillis  process CPU time spent while the work ran (all threads, start-up excluded)
 * @param workMillis     wall time of the work alone
 * @param warmCpuMillis  process CPU time per run of the work once warm (see {@link ProgramRun}); -1 if not run
 * @param warmMillis     wall time per run of the work once warm; -1 if not run
 * @param wallMillis     process start to exit, measured by the harness
 * @param jvmBytes       bytes the JVM counted for all threads since it started
 * @param countedBytes   what the tracker counted (memtrack: tracked bytes; instrumenter: its sum); -1 if none
 * @param referenceBytes what the JVM counted over the tracker's span; -1 if none
 */
record RunResult(long cpuMillis, long workCpuMillis, long workMillis, long warmCpuMillis, long warmMillis,
        long wallMillis, long jvmBytes, long countedBytes, long referenceBytes) {

    private static final Pattern FIELD = Pattern.compile("(\\w+)=(-?\\d+)");

    /** Parses the {@code RESULT ...} line of a child's output. */
    static RunResult parse(String line, long wallMillis) {
        Map<String, Long> fields = new HashMap<>();
        Matcher m = FIELD.matcher(line);
        while (m.find()) {
            fields.put(m.group(1), Long.parseLong(m.group(2)));
        }
        for (String key : new String[] {"cpuMs", "workCpuMs", "workMs", "warmCpuMs", "warmMs", "jvmBytes",
                "countedBytes", "referenceBytes"}) {
            if (!fields.containsKey(key)) {
                throw new IllegalArgumentException("no " + key + " in '" + line + "'");
            }
        }
        return new RunResult(fields.get("cpuMs"), fields.get("workCpuMs"), fields.get("workMs"),
                fields.get("warmCpuMs"), fields.get("warmMs"), wallMillis,
                fields.get("jvmBytes"), fields.get("countedBytes"), fields.get("referenceBytes"));
    }

    /** {@code millis}, or NaN for -1 (not measured), so that medians leave it out. */
    static double measured(long millis) {
        return millis < 0 ? Double.NaN : millis;
    }

    /** countedBytes / referenceBytes, or NaN without a tracker. */
    double countedShare() {
        return countedBytes < 0 || referenceBytes <= 0 ? Double.NaN : (double) countedBytes / referenceBytes;
    }
}
