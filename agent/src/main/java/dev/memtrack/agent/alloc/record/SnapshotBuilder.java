package dev.memtrack.agent.alloc.record;

import dev.memtrack.agent.alloc.site.CodeLocation;
import dev.memtrack.agent.alloc.site.Site;
import dev.memtrack.agent.alloc.site.SiteRegistry;
import dev.memtrack.agent.alloc.table.SizeBuckets;
import dev.memtrack.agent.alloc.table.SpaceSaving;
import dev.memtrack.mbeans.SiteRow;
import dev.memtrack.mbeans.ThreadRow;
import dev.memtrack.mbeans.TypeRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Turns the raw figures of a {@link Recording} into sorted, ranked rows.
 *
 * <p>Exact counts still buffered in threads are added to the table's rows. A buffered site absent
 * from a full table may have been evicted earlier, so it is shown as a new key would be inserted:
 * with the table's minimum added to its bytes and declared as {@code errorBytes}; that keeps the
 * guarantee {@code bytes - errorBytes <= true bytes <= bytes}. Rows with the same text (one site
 * in two class loaders, or a site met both statically and dynamically) are merged; their errors add.
 */
public final class SnapshotBuilder {

    private final SiteRegistry registry;
    private final int maxRows;

    public SnapshotBuilder(SiteRegistry registry, int maxRows) {
        this.registry = registry;
        this.maxRows = maxRows;
    }

    public RecordingSnapshot build(Recording recording) {
        Recording.RawView raw = recording.read();
        long total = recording.jvmBytesSinceStart();
        List<SiteRow> sites = siteRows(raw);
        return new RecordingSnapshot(System.currentTimeMillis(), recording.startedAtMillis(), total, raw.trackedCount(),
                raw.trackedBytes(), raw.estimated(), sites, typeRows(sites), threadRows(raw),
                sizes(raw), stacks(raw), raw.ownBytes(), raw.samples());
    }

    private List<SiteRow> siteRows(Recording.RawView raw) {
        Map<Integer, Figures> bySite = new HashMap<>();
        for (SpaceSaving.Row<Integer> r : raw.sites()) {
            bySite.put(r.key(), new Figures(r.count(), r.bytes(), r.errorBytes(), r.estimated()));
        }
        for (Map.Entry<Integer, long[]> e : raw.buffered().entrySet()) {
            long[] v = e.getValue();
            Figures f = bySite.get(e.getKey());
            if (f != null) {
                f.count += v[0];
                f.bytes += v[1];
            } else {
                bySite.put(e.getKey(), new Figures(v[0], v[1] + raw.minSiteBytes(), raw.minSiteBytes(), false));
            }
        }
        Map<List<String>, Figures> byText = new LinkedHashMap<>();
        for (Map.Entry<Integer, Figures> e : bySite.entrySet()) {
            byText.merge(describe(e.getKey()), e.getValue(), Figures::plus);
        }
        List<Map.Entry<List<String>, Figures>> sorted = top(byText);
        List<SiteRow> rows = new ArrayList<>(sorted.size());
        for (Map.Entry<List<String>, Figures> e : sorted) {
            Figures f = e.getValue();
            rows.add(new SiteRow(rows.size() + 1, e.getKey().get(0), e.getKey().get(1), f.count, f.bytes, f.errorBytes,
                    f.estimated));
        }
        return rows;
    }

    /** Site text and type; an id the registry never handed out (corrupted bytecode) still shows, so tables add up. */
    private List<String> describe(int id) {
        if (!registry.isSite(id)) {
            return List.of("(unknown site " + id + ")", "?");
        }
        Site site = registry.site(id);
        CodeLocation loc = registry.location(site.location());
        return List.of(loc.describe(), site.type());
    }

    private List<TypeRow> typeRows(List<SiteRow> sites) {
        Map<String, Figures> byType = new HashMap<>();
        for (SiteRow s : sites) {
            byType.merge(s.type(), new Figures(s.count(), s.bytes(), s.errorBytes(), s.estimated()), Figures::plus);
        }
        List<TypeRow> rows = new ArrayList<>();
        for (Map.Entry<String, Figures> e : top(byType)) {
            Figures f = e.getValue();
            rows.add(new TypeRow(rows.size() + 1, e.getKey(), f.count, f.bytes, f.errorBytes, f.estimated));
        }
        return rows;
    }

    private List<ThreadRow> threadRows(Recording.RawView raw) {
        List<Recording.ThreadFigures> threads = new ArrayList<>(raw.threads());
        threads.sort(Comparator.comparingLong(Recording.ThreadFigures::bytes).reversed());
        List<ThreadRow> rows = new ArrayList<>();
        for (Recording.ThreadFigures t : threads) {
            if (rows.size() == maxRows) {
                break;
            }
            rows.add(new ThreadRow(rows.size() + 1, t.name(), t.threadId(), t.count(), t.bytes(), t.jvmBytes(),
                    t.estimated()));
        }
        return rows;
    }

    private static dev.memtrack.mbeans.SizePercentiles sizes(Recording.RawView raw) {
        Histogram h = SizeBuckets.newHistogram();
        SizeBuckets.addTo(h, raw.sizeBuckets());
        return SizeBuckets.percentiles(h, raw.maxBytes());
    }

    private List<FoldedStack> stacks(Recording.RawView raw) {
        List<SpaceSaving.Row<StackKey>> rows = new ArrayList<>(raw.stacks());
        rows.sort(Comparator.comparingLong((SpaceSaving.Row<StackKey> r) -> r.bytes()).reversed());
        List<FoldedStack> out = new ArrayList<>(rows.size());
        for (SpaceSaving.Row<StackKey> r : rows) {
            out.add(new FoldedStack(r.key().folded(), r.count(), r.bytes()));
        }
        return out;
    }

    private <K> List<Map.Entry<K, Figures>> top(Map<K, Figures> figures) {
        List<Map.Entry<K, Figures>> entries = new ArrayList<>(figures.entrySet());
        entries.sort(Comparator.comparingLong((Map.Entry<K, Figures> e) -> e.getValue().bytes).reversed());
        return entries.size() > maxRows ? entries.subList(0, maxRows) : entries;
    }

    private static final class Figures {
        long count;
        long bytes;
        long errorBytes;
        boolean estimated;

        Figures(long count, long bytes, long errorBytes, boolean estimated) {
            this.count = count;
            this.bytes = bytes;
            this.errorBytes = errorBytes;
            this.estimated = estimated;
        }

        static Figures plus(Figures a, Figures b) {
            return new Figures(a.count + b.count, a.bytes + b.bytes, a.errorBytes + b.errorBytes,
                    a.estimated || b.estimated);
        }
    }
}
