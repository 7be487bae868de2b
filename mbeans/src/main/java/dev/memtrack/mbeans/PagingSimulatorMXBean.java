package dev.memtrack.mbeans;

import javax.management.openmbean.TabularData;

/**
 * Page replacement simulator. Reference strings are written as page numbers separated by commas
 * or spaces ({@code "7,0,1,2,0,3"}); a page may carry its process as {@code P:page}
 * ({@code "A:1,B:1,A:2"}). Algorithms: FIFO, LRU, OPT, CLOCK, LFU, RANDOM.
 */
@Description("Page replacement simulator: batch runs, comparisons and a step-wise session with a frame table")
public interface PagingSimulatorMXBean {

    String OBJECT_NAME = MemtrackDomain.DOMAIN + ":type=Simulator,name=Paging";

    RecordTable<PagingResult> RESULT_TABLE =
            RecordTable.of(PagingResult.class, "Outcome of one algorithm on a reference string", "algorithm");
    RecordTable<FaultCurvePoint> CURVE_TABLE =
            RecordTable.of(FaultCurvePoint.class, "Faults with a given number of frames", "frames");
    RecordTable<FrameRow> FRAME_TABLE = RecordTable.of(FrameRow.class, "One physical frame", "frame");

    /** Largest frame count and reference string length the MBean accepts (bounded work per call). */
    int MAX_FRAMES = 4096;
    int MAX_REFERENCES = 1_000_000;

    @Description("Names of the replacement algorithms")
    String[] getAlgorithms();

    @Units(Units.COUNT)
    @Description("Runs one algorithm over a reference string and returns the number of page faults")
    @ReadOnly
    long simulate(@Description("FIFO, LRU, OPT, CLOCK, LFU or RANDOM") String algorithm,
                  @Description("Physical frames, 1-4096") int frames,
                  @Description("Reference string, e.g. 7,0,1,2,0,3") String references);

    @Description("Runs every algorithm over the same reference string; one row per algorithm")
    @ReadOnly
    @TableOf(PagingResult.class)
    TabularData compare(@Description("Physical frames, 1-4096") int frames,
                        @Description("Reference string, e.g. 7,0,1,2,0,3") String references);

    @Description("Faults of one algorithm for 1..maxFrames frames (shows Belady's anomaly for FIFO)")
    @ReadOnly
    @TableOf(FaultCurvePoint.class)
    TabularData faultCurve(@Description("FIFO, LRU, OPT, CLOCK, LFU or RANDOM") String algorithm,
                           @Description("Largest frame count, 1-4096") int maxFrames,
                           @Description("Reference string") String references);

    @Description("Starts a new step-wise session with empty frames")
    void reset(@Description("FIFO, LRU, CLOCK, LFU or RANDOM (OPT needs the whole string: use simulate)")
               String algorithm,
               @Description("Physical frames, 1-4096") int frames);

    @Description("Step-wise session: references one page and tells hit or fault and what was evicted")
    AccessOutcome access(@Description("Page number, >= 0") int page);

    @Description("Algorithm of the step-wise session")
    String getAlgorithm();

    @Units(Units.FRAMES)
    @Description("Frames of the step-wise session")
    int getFrames();

    @Description("Frame table of the step-wise session: which page each frame holds")
    @TableOf(FrameRow.class)
    TabularData getFrameTable();

    @Description("Statistics of the step-wise session")
    PagingStatistics getStatistics();
}
