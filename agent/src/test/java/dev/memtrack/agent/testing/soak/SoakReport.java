package dev.memtrack.agent.testing.soak;

import dev.memtrack.agent.testing.load.LoadReport;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The samples of a soak, their trends, and what the clients saw meanwhile.
 *
 * @param samples every footprint sample, the last one taken after the activity ended
 * @param load    the activity's own report (errors, requests)
 */
public record SoakReport(List<FootprintSample> samples, LoadReport load) {

    public SoakReport {
        samples = List.copyOf(samples);
    }

    public FootprintSample first() {
        return samples.get(0);
    }

    public FootprintSample last() {
        return samples.get(samples.size() - 1);
    }

    public Trend liveHeap() {
        return Trend.of(samples, FootprintSample::liveHeapBytes);
    }

    public Trend agentBytes() {
        return Trend.of(samples, FootprintSample::agentBytes);
    }

    public Trend agentInstances() {
        return Trend.of(samples, FootprintSample::agentInstances);
    }

    public Trend threads() {
        return Trend.of(samples, FootprintSample::threads);
    }

    /**
     * The agent's thread groups ({@link FootprintSample#agentThreads()}) with more threads at the end
     * than at the start. The application's own threads come and go with its work (the demo starts a
     * thread per stress phase) and are left to the total's trend.
     */
    public Map<String, String> agentThreadGroupsGrown() {
        Map<String, String> grown = new TreeMap<>();
        TreeSet<String> names = new TreeSet<>(first().threadGroups().keySet());
        names.addAll(last().threadGroups().keySet());
        names.removeIf(name -> !FootprintSample.isAgentThread(name));
        for (String name : names) {
            int before = first().threadGroups().getOrDefault(name, 0);
            int after = last().threadGroups().getOrDefault(name, 0);
            if (after > before) {
                grown.put(name, before + " -> " + after);
            }
        }
        return grown;
    }

    /** One line per sample. */
    public String sampleTable() {
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%8s %14s %16s %14s %8s %14s%n", "minute",
                "live heap MiB", "agent instances", "agent KiB", "threads", "agent threads"));
        for (FootprintSample s : samples) {
            t.append(row(s));
        }
        return t.toString();
    }

    static String row(FootprintSample s) {
        return String.format(Locale.ROOT, "%8.2f %14.1f %16d %14.1f %8d %14d%n", s.elapsedMinutes(),
                s.liveHeapBytes() / 1048576.0, s.agentInstances(), s.agentBytes() / 1024.0, s.threads(),
                s.agentThreads());
    }

    /** The trends, one line each, with their ~95 % bounds. */
    public String trends() {
        return String.format(Locale.ROOT, """
                live heap after GC: %+.1f KiB/min (standard error %.1f; bound %+.1f KiB/min), from %.1f MiB
                agent objects:      %+.2f KiB/min (standard error %.2f; bound %+.2f KiB/min), from %.1f KiB; \
                %+.1f instances/min (bound %+.1f)
                threads:            %+.2f /min (bound %+.2f), %d at the start, %d at the end (agent's: %d -> %d); \
                agent thread groups grown: %s
                """,
                liveHeap().slopePerMinute() / 1024, liveHeap().standardError() / 1024,
                liveHeap().upperBoundPerMinute() / 1024, liveHeap().first() / 1048576,
                agentBytes().slopePerMinute() / 1024, agentBytes().standardError() / 1024,
                agentBytes().upperBoundPerMinute() / 1024, agentBytes().first() / 1024,
                agentInstances().slopePerMinute(), agentInstances().upperBoundPerMinute(),
                threads().slopePerMinute(), threads().upperBoundPerMinute(), first().threads(), last().threads(),
                first().agentThreads(), last().agentThreads(),
                agentThreadGroupsGrown().isEmpty() ? "none" : agentThreadGroupsGrown());
    }
}
