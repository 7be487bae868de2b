package dev.memtrack.mbeans;

import javax.management.openmbean.TabularData;

/** The busiest processes of the machine, sampled every interval (OSHI). */
@Description("Top processes of the machine by CPU and by resident memory, sampled every interval")
public interface ProcessesMXBean {

    String OBJECT_NAME = MemtrackDomain.DOMAIN + ":type=Processes";

    RecordTable<ProcessRow> PROCESS_TABLE =
            RecordTable.of(ProcessRow.class, "One process; rank 1 is the top", "rank");

    /** Largest value accepted by {@link #setTopN(int)}. */
    int MAX_TOP_N = 500;

    @Units(Units.EPOCH_MILLISECONDS)
    @Description("When the process table was sampled")
    long getSampledAtMillis();

    @Units(Units.COUNT)
    @Description("How many processes each table holds (1-500)")
    int getTopN();

    void setTopN(int topN);

    @Description("Top processes by CPU use over the last interval")
    @TableOf(ProcessRow.class)
    TabularData getTopByCpu();

    @Description("Top processes by resident memory")
    @TableOf(ProcessRow.class)
    TabularData getTopByResidentMemory();
}
