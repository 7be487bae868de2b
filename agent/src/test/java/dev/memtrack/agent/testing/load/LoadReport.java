package dev.memtrack.agent.testing.load;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The result of a {@link LoadRun}: per kind of request, count, errors and latency percentiles; the
 * throughput; the clients' own cost (schedule lag, CPU of the client process) so that it can be told
 * apart from the server's.
 */
public final class LoadReport {

    private static final int MAX_ERROR_SAMPLES = 20;

    private final LoadSettings settings;
    private final Map<RequestKind, KindStats> kinds;
    private final KindStats lag;
    private final List<String> errorSamples;
    private final int reconnects;
    private final long wallNanos;
    private final long clientCpuNanos;

    private LoadReport(LoadSettings settings, Map<RequestKind, KindStats> kinds, KindStats lag,
                       List<String> errorSamples, int reconnects, long wallNanos, long clientCpuNanos) {
        this.settings = settings;
        this.kinds = kinds;
        this.lag = lag;
        this.errorSamples = errorSamples;
        this.reconnects = reconnects;
        this.wallNanos = wallNanos;
        this.clientCpuNanos = clientCpuNanos;
    }

    static LoadReport merge(LoadSettings settings, List<LoadRun.ClientStats> clients, long wallNanos,
                            long clientCpuNanos) {
        Map<RequestKind, KindStats> kinds = new EnumMap<>(RequestKind.class);
        KindStats lag = new KindStats();
        List<String> samples = new ArrayList<>();
        int reconnects = 0;
        for (LoadRun.ClientStats c : clients) {
            c.kinds.forEach((kind, stats) -> kinds.computeIfAbsent(kind, k -> new KindStats()).add(stats));
            lag.add(c.lag);
            for (String s : c.errorSamples) {
                if (samples.size() < MAX_ERROR_SAMPLES) {
                    samples.add(s);
                }
            }
            reconnects += c.reconnects;
        }
        return new LoadReport(settings, kinds, lag, samples, reconnects, wallNanos, clientCpuNanos);
    }

    public LoadSettings settings() {
        return settings;
    }

    public Map<RequestKind, KindStats> kinds() {
        return kinds;
    }

    /** All reads together (the kinds the latency target is about). */
    public KindStats reads() {
        KindStats all = new KindStats();
        kinds.forEach((kind, stats) -> {
            if (kind.isRead()) {
                all.add(stats);
            }
        });
        return all;
    }

    public KindStats all() {
        KindStats all = new KindStats();
        kinds.values().forEach(all::add);
        return all;
    }

    public long requests() {
        return all().count();
    }

    public long errors() {
        return all().errors();
    }

    public List<String> errorSamples() {
        return errorSamples;
    }

    public int reconnects() {
        return reconnects;
    }

    public double requestsPerSecond() {
        return requests() / (wallNanos / 1e9);
    }

    public double wallSeconds() {
        return wallNanos / 1e9;
    }

    /** CPU time of the process running the clients (this JVM), seconds; -1 if unknown. */
    public double clientCpuSeconds() {
        return clientCpuNanos < 0 ? -1 : clientCpuNanos / 1e9;
    }

    /** How late paced clients were for their schedule; empty when not paced. */
    public KindStats scheduleLag() {
        return lag;
    }

    /** A Markdown table: one row per kind, then reads and all. */
    public String table() {
        StringBuilder t = new StringBuilder();
        t.append("| request | count | errors | p50 ms | p90 ms | p99 ms | max ms |\n");
        t.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        kinds.forEach((kind, stats) -> row(t, kind.label(), stats));
        row(t, "**all reads**", reads());
        row(t, "**all**", all());
        return t.toString();
    }

    private static void row(StringBuilder t, String label, KindStats s) {
        t.append(String.format(Locale.ROOT, "| %s | %d | %d | %.2f | %.2f | %.2f | %.1f |%n", label, s.count(),
                s.errors(), s.percentileMillis(50), s.percentileMillis(90), s.percentileMillis(99), s.maxMillis()));
    }

    /** One paragraph: throughput, errors, the clients' own cost. */
    public String summary() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "%d clients, %.1f s, %s: %d requests, %.0f requests/s, %d errors, %d reconnects",
                settings.clients(), wallSeconds(),
                settings.paced() ? String.format(Locale.ROOT, "%.0f requests/s per client", settings.ratePerClient())
                        : "as fast as possible", requests(), requestsPerSecond(), errors(), reconnects));
        if (clientCpuNanos >= 0) {
            s.append(String.format(Locale.ROOT, "; client process CPU %.0f%% of one core",
                    100 * clientCpuSeconds() / wallSeconds()));
        }
        if (settings.paced()) {
            s.append(String.format(Locale.ROOT, "; client schedule lag p50 %.2f ms, p99 %.2f ms, max %.1f ms",
                    lag.percentileMillis(50), lag.percentileMillis(99), lag.maxMillis()));
        }
        return s.toString();
    }
}
