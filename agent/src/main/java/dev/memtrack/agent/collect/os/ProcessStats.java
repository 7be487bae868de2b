package dev.memtrack.agent.collect.os;

import dev.memtrack.mbeans.ProcessRow;
import dev.memtrack.mbeans.ProcessesMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The process tables: processes ranked by CPU use over the interval and by resident memory, at most
 * {@link ProcessesMXBean#MAX_TOP_N} rows each, so any top-N up to that maximum is a prefix. Immutable.
 */
public record ProcessStats(long sampledAtMillis, List<ProcessRow> byCpu, List<ProcessRow> byResidentMemory) {

    public ProcessStats {
        byCpu = List.copyOf(byCpu);
        byResidentMemory = List.copyOf(byResidentMemory);
    }

    /**
     * CPU use over the time from {@code older} to {@code newer}: the CPU time a process gained,
     * as a percentage of one core. A process not in {@code older} (or whose pid was reused) is
     * charged the CPU time it used since it started within the interval.
     */
    public static ProcessStats between(ProcessSnapshot older, ProcessSnapshot newer) {
        double elapsedMillis = (newer.capturedAtNanos() - older.capturedAtNanos()) / 1e6;
        Map<Integer, ProcessSample> before = new HashMap<>();
        for (ProcessSample p : older.processes()) {
            before.put(p.pid(), p);
        }
        List<Ranked> ranked = new ArrayList<>();
        for (ProcessSample p : newer.processes()) {
            ProcessSample o = before.get(p.pid());
            long gained = o != null && o.startTimeMillis() == p.startTimeMillis()
                    ? p.cpuTimeMillis() - o.cpuTimeMillis() : p.cpuTimeMillis();
            double percent = elapsedMillis > 0 ? 100.0 * Math.max(0, gained) / elapsedMillis : 0;
            ranked.add(new Ranked(p, percent));
        }
        return rank(newer.capturedAtMillis(), ranked);
    }

    /** Tables of a first snapshot: CPU use is unknown (0) until a second one exists. */
    public static ProcessStats first(ProcessSnapshot only) {
        return rank(only.capturedAtMillis(), only.processes().stream().map(p -> new Ranked(p, 0)).toList());
    }

    /** The first {@code n} rows by CPU. */
    public List<ProcessRow> topByCpu(int n) {
        return byCpu.subList(0, Math.min(n, byCpu.size()));
    }

    /** The first {@code n} rows by resident memory. */
    public List<ProcessRow> topByResidentMemory(int n) {
        return byResidentMemory.subList(0, Math.min(n, byResidentMemory.size()));
    }

    private record Ranked(ProcessSample sample, double cpuPercent) {
    }

    private static ProcessStats rank(long sampledAtMillis, List<Ranked> processes) {
        Comparator<Ranked> byPid = Comparator.comparingInt(r -> r.sample().pid());
        List<Ranked> cpu = processes.stream()
                .sorted(Comparator.comparingDouble(Ranked::cpuPercent).reversed().thenComparing(byPid))
                .limit(ProcessesMXBean.MAX_TOP_N).toList();
        List<Ranked> resident = processes.stream()
                .sorted(Comparator.comparingLong((Ranked r) -> r.sample().residentBytes()).reversed()
                        .thenComparing(byPid))
                .limit(ProcessesMXBean.MAX_TOP_N).toList();
        return new ProcessStats(sampledAtMillis, rows(cpu), rows(resident));
    }

    private static List<ProcessRow> rows(List<Ranked> ranked) {
        List<ProcessRow> rows = new ArrayList<>(ranked.size());
        for (Ranked r : ranked) {
            ProcessSample p = r.sample();
            rows.add(new ProcessRow(rows.size() + 1, p.pid(), p.name(), p.user(), p.state(), r.cpuPercent(),
                    p.residentBytes(), p.virtualBytes(), p.threads()));
        }
        return rows;
    }
}
