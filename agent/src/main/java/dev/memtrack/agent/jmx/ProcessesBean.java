package dev.memtrack.agent.jmx;

import dev.memtrack.agent.collect.os.ProcessStats;
import dev.memtrack.mbeans.ProcessesMXBean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.management.openmbean.TabularData;

/**
 * {@code memtrack:type=Processes}: the latest {@link ProcessStats}, cut to {@code TopN} rows. TopN
 * takes effect at once (the stats hold up to {@link #MAX_TOP_N} rows).
 */
public final class ProcessesBean implements ProcessesMXBean {

    private final Supplier<ProcessStats> latest;
    private final AtomicInteger topN;

    public ProcessesBean(Supplier<ProcessStats> latest, int topN) {
        this.latest = latest;
        this.topN = new AtomicInteger(validTopN(topN));
    }

    @Override
    public long getSampledAtMillis() {
        return latest.get().sampledAtMillis();
    }

    @Override
    public int getTopN() {
        return topN.get();
    }

    @Override
    public void setTopN(int topN) {
        this.topN.set(validTopN(topN));
    }

    @Override
    public TabularData getTopByCpu() {
        return PROCESS_TABLE.toTabularData(latest.get().topByCpu(topN.get()));
    }

    @Override
    public TabularData getTopByResidentMemory() {
        return PROCESS_TABLE.toTabularData(latest.get().topByResidentMemory(topN.get()));
    }

    private static int validTopN(int topN) {
        if (topN < 1 || topN > MAX_TOP_N) {
            throw new IllegalArgumentException("TopN must be between 1 and " + MAX_TOP_N + ", got " + topN);
        }
        return topN;
    }
}
