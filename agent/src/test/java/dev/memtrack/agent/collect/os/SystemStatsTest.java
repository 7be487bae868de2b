package dev.memtrack.agent.collect.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.assertj.core.api.Assertions.within;

import dev.memtrack.mbeans.CoreLoad;
import dev.memtrack.mbeans.DiskRate;
import dev.memtrack.mbeans.LoadAverage;
import dev.memtrack.mbeans.NetworkRate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SystemStatsTest {

    private static final long SECOND = 1_000_000_000L;

    private static SystemSnapshot snapshot(long nanos, CpuTicks cpu, List<CpuTicks> cores, List<DiskCounters> disks,
                                           List<NetworkCounters> nets) {
        return new SystemSnapshot(nanos, nanos / 1_000_000, cpu, cores, new LoadAverage(0.5, 0.4, 0.3),
                8_000, 2_000, 1_000, 250, disks, nets, 3600, 200, 900);
    }

    @Test
    void cpuLoadIsTheBusyShareOfTicksBetweenTwoSnapshots() {
        SystemSnapshot older = snapshot(0, new CpuTicks(100, 200), List.of(new CpuTicks(50, 100), new CpuTicks(50, 100)),
                List.of(), List.of());
        SystemSnapshot newer = snapshot(SECOND, new CpuTicks(160, 400),
                List.of(new CpuTicks(50, 200), new CpuTicks(110, 200)), List.of(), List.of());

        SystemStats stats = SystemStats.between(older, newer);

        assertThat(stats.cpuLoadPercent()).isEqualTo(70.0);
        assertThat(stats.cores()).containsExactly(new CoreLoad(0, 100.0), new CoreLoad(1, 40.0));
        assertThat(stats.intervalMillis()).isEqualTo(1000);
    }

    @Test
    void diskAndNetworkRatesArePerSecondOverTheElapsedTime() {
        SystemSnapshot older = snapshot(0, new CpuTicks(0, 0), List.of(),
                List.of(new DiskCounters("vda", 10, 1_000, 20, 2_000)),
                List.of(new NetworkCounters("eth0", 5_000, 6_000, 50, 60)));
        SystemSnapshot newer = snapshot(2 * SECOND, new CpuTicks(0, 0), List.of(),
                List.of(new DiskCounters("vda", 30, 5_000, 60, 10_000)),
                List.of(new NetworkCounters("eth0", 9_000, 7_000, 90, 62)));

        SystemStats stats = SystemStats.between(older, newer);

        assertThat(stats.disks()).containsExactly(new DiskRate("vda", 2_000, 4_000, 10, 20));
        assertThat(stats.networkInterfaces()).containsExactly(new NetworkRate("eth0", 2_000, 500, 20, 1));
    }

    @Test
    void countersThatWentBackwardsOrDevicesThatAppearedGiveZeroRates() {
        SystemSnapshot older = snapshot(0, new CpuTicks(100, 200), List.of(),
                List.of(new DiskCounters("vda", 10, 1_000, 20, 2_000)), List.of());
        SystemSnapshot newer = snapshot(SECOND, new CpuTicks(50, 100), List.of(),
                List.of(new DiskCounters("vda", 1, 100, 2, 200), new DiskCounters("vdb", 5, 500, 5, 500)),
                List.of(new NetworkCounters("eth1", 1, 1, 1, 1)));

        SystemStats stats = SystemStats.between(older, newer);

        assertThat(stats.cpuLoadPercent()).isEqualTo(-1);
        assertThat(stats.disks()).containsExactly(new DiskRate("vda", 0, 0, 0, 0), new DiskRate("vdb", 0, 0, 0, 0));
        assertThat(stats.networkInterfaces()).containsExactly(new NetworkRate("eth1", 0, 0, 0, 0));
    }

    @Test
    void firstSnapshotHasLevelsButUnknownLoads() {
        SystemStats stats = SystemStats.first(snapshot(SECOND, new CpuTicks(1, 2), List.of(new CpuTicks(1, 2)),
                List.of(new DiskCounters("vda", 1, 1, 1, 1)), List.of()));

        assertThat(stats.cpuLoadPercent()).isEqualTo(-1);
        assertThat(stats.cores()).containsExactly(new CoreLoad(0, -1));
        assertThat(stats.logicalProcessorCount()).isEqualTo(1);
        assertThat(stats.memoryUsedBytes()).isEqualTo(6_000);
        assertThat(stats.memoryUsedPercent()).isCloseTo(75.0, within(1e-9));
        assertThat(stats.swapUsedPercent()).isEqualTo(25.0);
        assertThat(stats.disks()).containsExactly(new DiskRate("vda", 0, 0, 0, 0));
    }

    @Test
    void noSwapMeansZeroPercentAndUnknownMemoryMeansMinusOne() {
        SystemSnapshot s = new SystemSnapshot(0, 0, new CpuTicks(0, 0), List.of(), new LoadAverage(-1, -1, -1),
                -1, -1, 0, 0, List.of(), List.of(), 0, 0, 0);

        SystemStats stats = SystemStats.first(s);

        assertThat(stats.swapUsedPercent()).isZero();
        assertThat(stats.memoryUsedBytes()).isEqualTo(-1);
        assertThat(stats.memoryUsedPercent()).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "native-free", "jna"})
    void collectorReadsTheRealMachine(String provider) {
        assumeTrue(!provider.equals("native-free") || new oshi.nativefree.SystemInfo().isAvailable(),
                "OSHI has no native-free implementation for " + System.getProperty("os.name"));
        SystemCollector collector = new SystemCollector(OshiProvider.create(provider));
        SystemSnapshot a = collector.sample();
        SystemSnapshot b = collector.sample();

        SystemStats stats = SystemStats.between(a, b);

        assertThat(stats.logicalProcessorCount()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(stats.memoryTotalBytes()).isPositive();
        assertThat(stats.memoryAvailableBytes()).isBetween(0L, stats.memoryTotalBytes());
        assertThat(stats.processCount()).isPositive();
        assertThat(stats.threadCount()).isGreaterThanOrEqualTo(stats.processCount());
        assertThat(stats.uptimeSeconds()).isPositive();
        assertThat(stats.networkInterfaces()).isNotEmpty();
        assertThat(stats.cpuLoadPercent()).isBetween(-1.0, 100.0);
    }
}
