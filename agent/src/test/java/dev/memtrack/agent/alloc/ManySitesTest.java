package dev.memtrack.agent.alloc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.agent.alloc.record.RecordingSnapshot;
import dev.memtrack.mbeans.AllocationMode;
import dev.memtrack.mbeans.SiteRow;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * 100,000 distinct sites (100 generated classes × 1,000) with 50 heavy hitters, tracked with a
 * 1,000-row table: the table stays bounded and keeps Space-Saving's promises (every row within
 * its error bound, every key heavier than total/capacity present).
 */
class ManySitesTest {

    private static final int CLASSES = 100;
    private static final int SITES = 1_000;
    private static final int MAX_ROWS = 1_000;
    private static final int HEAVY = 50;
    private static final int HEAVY_REPEATS = 2_000;
    private static final Pattern SITE = Pattern.compile(Pattern.quote(GeneratedClasses.PACKAGE)
            + "Sites(\\d+)\\.run\\(Sites\\d+\\.java:(\\d+)\\)");

    @Test
    void boundedTableKeepsItsErrorBound() throws Throwable {
        long objectBytes = TestAgent.instrumentation().getObjectSize(new byte[8]);
        try (AllocationTracker tracker = AllocationTracker.start(TestAgent.instrumentation(),
                AllocationSettings.defaults().withMode(AllocationMode.EXACT).withMaxSites(MAX_ROWS)
                        .withInclude(List.of(GeneratedClasses.PACKAGE + "*")), w -> { })) {
            GeneratedClasses loader = new GeneratedClasses();
            MethodHandle[] run = new MethodHandle[CLASSES];
            for (int c = 0; c < CLASSES; c++) {
                String name = GeneratedClasses.PACKAGE + "Sites" + c;
                run[c] = GeneratedClasses.run(loader.define(name, GeneratedClasses.manySites(name, SITES)),
                        MethodType.methodType(Object.class, int.class));
            }
            Map<Long, Long> truth = new HashMap<>();
            for (int c = 0; c < CLASSES; c++) {
                for (int s = 0; s < SITES; s++) {
                    Object o = (Object) run[c].invokeExact(s);
                    truth.merge(key(c, s), 1L, Long::sum);
                }
            }
            Random random = new Random(17);
            long[] heavy = new long[HEAVY];
            for (int h = 0; h < HEAVY; h++) {
                int c = random.nextInt(CLASSES);
                int s = random.nextInt(SITES);
                heavy[h] = key(c, s);
                for (int i = 0; i < HEAVY_REPEATS; i++) {
                    Object o = (Object) run[c].invokeExact(s);
                }
                truth.merge(key(c, s), (long) HEAVY_REPEATS, Long::sum);
            }

            RecordingSnapshot snapshot = tracker.snapshotNow();
            long total = truth.values().stream().mapToLong(Long::longValue).sum() * objectBytes;
            assertThat(snapshot.trackedBytes()).isEqualTo(total);
            assertThat(snapshot.sites()).hasSize(MAX_ROWS);
            assertThat(snapshot.sites()).as("evictions happened").anyMatch(r -> r.errorBytes() > 0);
            assertThat(tracker.instrumentationFailures()).noneMatch(f -> f.className().contains(".Sites"));
            Map<Long, SiteRow> rows = new HashMap<>();
            for (SiteRow row : snapshot.sites()) {
                Matcher m = SITE.matcher(row.site());
                assertThat(m.matches()).as(row.site()).isTrue();
                long k = key(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)) - 1);
                long trueBytes = truth.get(k) * objectBytes;
                assertThat(row.bytes()).as("%s overcounts at most", row.site()).isGreaterThanOrEqualTo(trueBytes);
                assertThat(row.bytes() - row.errorBytes()).as("%s within its error", row.site())
                        .isLessThanOrEqualTo(trueBytes);
                assertThat(row.errorBytes()).isLessThanOrEqualTo(total / MAX_ROWS);
                rows.put(k, row);
            }
            for (long k : heavy) {
                assertThat(rows).as("heavy site %d", k).containsKey(k);
            }
        }
    }

    private static long key(int c, int site) {
        return (long) c * SITES + site;
    }
}
