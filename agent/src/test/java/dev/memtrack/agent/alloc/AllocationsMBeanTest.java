package dev.memtrack.agent.alloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memtrack.mbeans.AllocationMode;
import dev.memtrack.mbeans.AllocationsMXBean;
import dev.memtrack.mbeans.DescribedMBean;
import dev.memtrack.mbeans.MemtrackDomain;
import dev.memtrack.mbeans.SiteRow;
import dev.memtrack.mbeans.ThreadRow;
import dev.memtrack.mbeans.TypeRow;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;
import javax.management.Attribute;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code memtrack:type=Allocations} through a real MBeanServer: open types, operations, clear errors. */
class AllocationsMBeanTest {

    private static final String LOOPS = WorkloadLoader.WORKLOAD_PACKAGE + "AllocationLoops";
    private AllocationTracker tracker;
    private MBeanServer server;
    private ObjectName name;
    private ToLongFunction<String> loops;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void start() throws Exception {
        tracker = AllocationTracker.start(TestAgent.instrumentation(), AllocationSettings.defaults()
                .withIntervalBytes(4096).withInclude(List.of(WorkloadLoader.WORKLOAD_PACKAGE + "*")), w -> { }, 3);
        server = MBeanServerFactory.newMBeanServer();
        name = MemtrackDomain.objectName(AllocationsMXBean.OBJECT_NAME);
        server.registerMBean(new DescribedMBean<>(tracker.mbean(), AllocationsMXBean.class), name);
        loops = WorkloadLoader.newWorkload(WorkloadLoader.forWorkloads(), "AllocationLoops", ToLongFunction.class);
    }

    @AfterEach
    void stop() {
        tracker.close();
    }

    @Test
    void attributesAreOpenTypesThatAddUp() throws Exception {
        loops.applyAsLong("mixed:" + (8 << 20));
        assertThat(server.getAttribute(name, "Mode")).isEqualTo("SAMPLED");
        assertThat(server.getAttribute(name, "SamplingIntervalBytes")).isEqualTo(4096L);
        assertThat((Boolean) server.getAttribute(name, "Estimated")).isTrue();
        long total = (Long) server.getAttribute(name, "TotalAllocatedBytes");
        long tracked = (Long) server.getAttribute(name, "TrackedAllocatedBytes");
        long unattributed = (Long) server.getAttribute(name, "UnattributedBytes");
        assertThat(tracked).isPositive();
        assertThat(total).isEqualTo(tracked + unattributed);
        assertThat((Long) server.getAttribute(name, "TrackedAllocationCount")).isPositive();
        assertThat((Long) server.getAttribute(name, "SinceMillis")).isLessThanOrEqualTo(System.currentTimeMillis());
        assertThat((Double) server.getAttribute(name, "AllocationRateBytesPerSecond")).isNotNegative();
        assertThat(((CompositeData) server.getAttribute(name, "AllocationRates")).get("sixtySeconds")).isInstanceOf(Double.class);

        List<SiteRow> sites = AllocationsMXBean.SITE_TABLE.fromTabularData((TabularData) server.getAttribute(name, "TopSites"));
        assertThat(sites).isNotEmpty().allSatisfy(r -> assertThat(r.site()).startsWith(LOOPS + "."));
        assertThat(sites).anySatisfy(r -> assertThat(r.site()).startsWith(LOOPS + ".mixed(AllocationLoops.java:"));
        assertThat(sites).extracting(SiteRow::rank).startsWith(1, 2);
        assertThat(sites).isSortedAccordingTo((a, b) -> Long.compare(b.bytes(), a.bytes()));
        assertThat(sites.stream().mapToLong(SiteRow::bytes).sum()).isEqualTo(tracked);
        List<TypeRow> types = AllocationsMXBean.TYPE_TABLE.fromTabularData((TabularData) server.getAttribute(name, "TopTypes"));
        assertThat(types).extracting(TypeRow::type).contains("byte[]", "long[]", "int[]", LOOPS + "$Cell");
        List<ThreadRow> threads = AllocationsMXBean.THREAD_TABLE.fromTabularData((TabularData) server.getAttribute(name, "TopThreads"));
        assertThat(threads).singleElement().satisfies(t -> {
            assertThat(t.threadId()).isEqualTo(Thread.currentThread().getId());
            assertThat(t.jvmAllocatedBytes()).isGreaterThanOrEqualTo(8 << 20);
        });
        CompositeData sizes = (CompositeData) server.getAttribute(name, "SizePercentiles");
        assertThat((Long) sizes.get("maxBytes")).isEqualTo(TestAgent.instrumentation().getObjectSize(new byte[1 << 20]));
        assertThat((Long) sizes.get("p50Bytes")).isBetween(16L, 1024L);
    }

    @Test
    void operationsAndSettersWork() throws Exception {
        loops.applyAsLong("mixed:" + (8 << 20));
        TabularData top2 = (TabularData) server.invoke(name, "topSites", new Object[] {2}, new String[] {"int"});
        assertThat(top2.size()).isEqualTo(2);
        TabularData topType = (TabularData) server.invoke(name, "topTypes", new Object[] {1}, new String[] {"int"});
        List<TypeRow> allTypes = AllocationsMXBean.TYPE_TABLE.fromTabularData(
                (TabularData) server.getAttribute(name, "TopTypes"));
        assertThat(AllocationsMXBean.TYPE_TABLE.fromTabularData(topType)).containsExactly(allTypes.get(0));

        String folded = (String) server.invoke(name, "foldedStacks", new Object[] {5}, new String[] {"int"});
        List<String> lines = Arrays.asList(folded.split("\n"));
        assertThat(lines).hasSizeBetween(1, 5).allSatisfy(l -> assertThat(l).matches("[^ ]+(;[^ ;]+)* \\d+"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(LOOPS + ".applyAsLong;" + LOOPS + ".mixed;int[] "));
        List<Long> weights = lines.stream().map(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))).toList();
        assertThat(weights).isSortedAccordingTo((a, b) -> Long.compare(b, a));

        server.setAttribute(name, new Attribute("Mode", "EXACT"));
        server.setAttribute(name, new Attribute("SamplingIntervalBytes", 1L << 20));
        assertThat(tracker.mbean().getMode()).isEqualTo(AllocationMode.EXACT);
        assertThat(tracker.mbean().getSamplingIntervalBytes()).isEqualTo(1L << 20);
        server.invoke(name, "reset", new Object[0], new String[0]);
        assertThat((Long) server.getAttribute(name, "TrackedAllocatedBytes")).isZero();
        assertThat((Boolean) server.getAttribute(name, "Estimated")).isFalse();
        ExactRuns.assertExact(tracker, () -> loops.applyAsLong("small:" + (1 << 20)),
                () -> tracker.snapshotNow().trackedBytes());
    }

    @Test
    void badArgumentsGetClearMessages() {
        assertThatThrownBy(() -> server.invoke(name, "topSites", new Object[] {0}, new String[] {"int"}))
                .isInstanceOf(RuntimeMBeanException.class).cause()
                .isInstanceOf(IllegalArgumentException.class).hasMessage("n must be between 1 and 10000, got 0");
        assertThatThrownBy(() -> server.invoke(name, "topTypes", new Object[] {10_001}, new String[] {"int"}))
                .cause().hasMessage("n must be between 1 and 10000, got 10001");
        assertThatThrownBy(() -> server.invoke(name, "foldedStacks", new Object[] {-1}, new String[] {"int"}))
                .cause().hasMessage("maxLines must be between 1 and 100000, got -1");
        assertThatThrownBy(() -> server.setAttribute(name, new Attribute("SamplingIntervalBytes", 10L)))
                .cause().hasMessage("SamplingIntervalBytes: 10 is out of range; accepted: 1024 (1 KiB) to 1073741824 (1 GiB)");
        assertThatThrownBy(() -> tracker.mbean().setMode(null))
                .hasMessage("Mode must be one of EXACT, SAMPLED, OFF; got nothing");
        assertThat(tracker.mbean().getMode()).isEqualTo(AllocationMode.SAMPLED);
    }
}
