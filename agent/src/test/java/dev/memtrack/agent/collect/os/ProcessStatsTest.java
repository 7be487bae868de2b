package dev.memtrack.agent.collect.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.memtrack.mbeans.ProcessRow;
import dev.memtrack.mbeans.ProcessesMXBean;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProcessStatsTest {

    private static ProcessSample process(int pid, long start, long cpuMillis, long rss) {
        return new ProcessSample(pid, start, "p" + pid, "user", "RUNNING", cpuMillis, rss, rss * 2, 3);
    }

    @Test
    void cpuPercentIsCpuTimeGainedOverElapsedTimeRankedHighestFirst() {
        ProcessSnapshot older = new ProcessSnapshot(0, 0, List.of(process(1, 10, 1_000, 100), process(2, 10, 500, 300)));
        ProcessSnapshot newer = new ProcessSnapshot(2_000_000_000L, 2_000,
                List.of(process(1, 10, 1_400, 100), process(2, 10, 2_500, 300)));

        ProcessStats stats = ProcessStats.between(older, newer);

        assertThat(stats.byCpu()).extracting(ProcessRow::pid, ProcessRow::cpuPercent, ProcessRow::rank)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 100.0, 1),
                        org.assertj.core.groups.Tuple.tuple(1, 20.0, 2));
        assertThat(stats.byResidentMemory()).extracting(ProcessRow::pid).containsExactly(2, 1);
    }

    @Test
    void aReusedPidOrNewProcessIsChargedItsWholeCpuTime() {
        ProcessSnapshot older = new ProcessSnapshot(0, 0, List.of(process(7, 10, 5_000, 1)));
        ProcessSnapshot newer = new ProcessSnapshot(1_000_000_000L, 1_000,
                List.of(process(7, 900, 300, 1), process(8, 950, 100, 1)));

        ProcessStats stats = ProcessStats.between(older, newer);

        assertThat(stats.byCpu()).extracting(ProcessRow::pid, ProcessRow::cpuPercent)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(7, 30.0), org.assertj.core.groups.Tuple.tuple(8, 10.0));
    }

    @Test
    void tablesKeepAtMostTheLargestTopNAndTopNIsAPrefix() {
        List<ProcessSample> many = new ArrayList<>();
        for (int pid = 1; pid <= 700; pid++) {
            many.add(process(pid, 1, pid, pid));
        }
        ProcessStats stats = ProcessStats.first(new ProcessSnapshot(0, 0, many));

        assertThat(stats.byResidentMemory()).hasSize(ProcessesMXBean.MAX_TOP_N);
        assertThat(stats.topByResidentMemory(3)).extracting(ProcessRow::pid, ProcessRow::rank)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(700, 1), org.assertj.core.groups.Tuple.tuple(699, 2),
                        org.assertj.core.groups.Tuple.tuple(698, 3));
        assertThat(stats.topByCpu(1000)).hasSize(ProcessesMXBean.MAX_TOP_N);
    }

    @ParameterizedTest
    @ValueSource(strings = {"native-free", "jna"})
    void collectorSeesThisVeryProcess(String provider) {
        assumeTrue(!provider.equals("native-free") || new oshi.nativefree.SystemInfo().isAvailable(),
                "OSHI has no native-free implementation for " + System.getProperty("os.name"));
        ProcessCollector collector = new ProcessCollector(OshiProvider.create(provider));
        ProcessSnapshot snapshot = collector.sample();
        int self = (int) ProcessHandle.current().pid();

        assertThat(snapshot.processes()).anySatisfy(p -> {
            assertThat(p.pid()).isEqualTo(self);
            assertThat(p.residentBytes()).isPositive();
            assertThat(p.threads()).isPositive();
            assertThat(p.state()).isIn("RUNNING", "SLEEPING", "WAITING", "ZOMBIE", "STOPPED", "OTHER");
        });
    }
}
