package dev.memtrack.simulator.paging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Page replacement over a fixed number of frames shared by one or more processes, one reference at
 * a time. Each reference is a hit (page resident) or a fault: a free frame of the pool is filled
 * (in ascending order), or the pool's {@link PageReplacement} picks a victim.
 *
 * <p>Under {@link ReplacementScope#GLOBAL GLOBAL} replacement all frames form one pool; processes
 * may appear at any time. Under {@link ReplacementScope#LOCAL LOCAL} replacement each process owns
 * a contiguous range of frames sized by the {@link FrameAllocation}, so the processes must be known
 * at the start. OPT must know the whole reference string: build it with {@link #replaying}.
 *
 * <p>Not thread-safe: confine a simulator to one thread or guard it.
 */
public final class PagingSimulator {

    private static final long FREE = -1;

    private final PagingConfig config;
    private final ReferenceString future;

    private final List<String> processNames = new ArrayList<>();
    private final Map<String, Integer> processIndex = new HashMap<>();
    private long[] references = new long[4];
    private long[] faults = new long[4];
    private long[] evictionsSuffered = new long[4];

    private final PageReplacement[] pools;
    private final int[] poolStart;
    private final int[] poolCapacity;
    private final int[] poolUsed;

    private final PageKeyMap resident;
    private final long[] frameKey;
    private final long[] loadedAt;
    private final long[] lastAccess;
    private final long[] accessCount;

    private long step;
    private long totalEvictions;
    private boolean lastHit;
    private int lastFrame;
    private long lastEvicted;

    private PagingSimulator(PagingConfig config, List<ProcessSpec> processes, ReferenceString future) {
        this.config = config;
        this.future = future;
        for (ProcessSpec p : processes) {
            if (processIndex.containsKey(p.name())) {
                throw new IllegalArgumentException("process " + p.name() + " is declared twice");
            }
            register(p.name());
        }
        int frames = config.frames();
        int[] quotas;
        if (config.scope() == ReplacementScope.LOCAL) {
            if (processes.isEmpty()) {
                throw new IllegalArgumentException("LOCAL replacement needs the processes declared in advance");
            }
            quotas = config.allocation().quotas(frames, processes.stream().mapToLong(ProcessSpec::pages).toArray());
        } else {
            quotas = new int[] {frames};
        }
        int[] nextUses = future != null && config.algorithm().needsFuture() ? future.nextUses() : null;
        pools = new PageReplacement[quotas.length];
        poolStart = new int[quotas.length];
        poolCapacity = quotas;
        poolUsed = new int[quotas.length];
        for (int i = 0, start = 0; i < quotas.length; start += quotas[i], i++) {
            poolStart[i] = start;
            pools[i] = config.algorithm().newReplacement(quotas[i], config.seed() + i, nextUses);
        }
        resident = new PageKeyMap(frames);
        frameKey = new long[frames];
        loadedAt = new long[frames];
        lastAccess = new long[frames];
        accessCount = new long[frames];
        Arrays.fill(frameKey, FREE);
    }

    /**
     * An open-ended session: any sequence of references. Under GLOBAL replacement processes join on
     * their first reference; under LOCAL replacement use {@link #open(PagingConfig, List)}.
     *
     * @throws IllegalArgumentException for OPT, which needs the future, and for LOCAL replacement
     */
    public static PagingSimulator open(PagingConfig config) {
        return open(config, List.of());
    }

    /**
     * An open-ended session with the processes declared up front (required by LOCAL replacement,
     * whose quotas come from the process sizes).
     *
     * @throws IllegalArgumentException for OPT, which needs the future ({@link #replaying})
     */
    public static PagingSimulator open(PagingConfig config, List<ProcessSpec> processes) {
        if (config.algorithm().needsFuture()) {
            throw new IllegalArgumentException("OPT needs the whole reference string in advance: "
                    + "use a replaying simulation or choose FIFO, LRU, CLOCK, LFU or RANDOM");
        }
        return new PagingSimulator(config, processes, null);
    }

    /**
     * A session that follows a known reference string (any algorithm, OPT included). Processes are
     * those of the string; their sizes, which only PROPORTIONAL allocation uses, are the distinct
     * pages each references. {@link #access} must then be called with the string's references in
     * order.
     */
    public static PagingSimulator replaying(PagingConfig config, ReferenceString references) {
        boolean proportional = config.scope() == ReplacementScope.LOCAL
                && config.allocation() == FrameAllocation.PROPORTIONAL;
        long[] sizes = proportional ? references.distinctPagesPerProcess() : null;
        List<ProcessSpec> processes = new ArrayList<>();
        for (int i = 0; i < references.processNames().size(); i++) {
            processes.add(new ProcessSpec(references.processNames().get(i), proportional ? Math.max(1, sizes[i]) : 1));
        }
        return new PagingSimulator(config, processes, references);
    }

    /** References {@code page} of {@link ReferenceString#DEFAULT_PROCESS}. */
    public AccessResult access(int page) {
        return access(ReferenceString.DEFAULT_PROCESS, page);
    }

    /**
     * References one page.
     *
     * @throws IllegalArgumentException for a negative page, an invalid process name, or a process
     *                                  unknown to a LOCAL session
     * @throws IllegalStateException    when replaying and the reference is not the next one of the
     *                                  string (or the string has ended)
     */
    public AccessResult access(String process, int page) {
        if (page < 0) {
            throw new IllegalArgumentException("page " + page + " is not accepted: pages are >= 0");
        }
        int index = processIndexFor(process);
        if (future != null) {
            checkFollowsFuture(process, page);
        }
        reference(index, page);
        long evicted = lastEvicted;
        return new AccessResult(step, process, page, lastHit, lastFrame,
                evicted == FREE ? null : processNames.get(PageKeyMap.processOf(evicted)),
                evicted == FREE ? -1 : PageKeyMap.pageOf(evicted));
    }

    /** The hot path: one reference by process index, no checks beyond what LOCAL needs. */
    void reference(int process, int page) {
        long position = step++;
        references[process]++;
        long key = PageKeyMap.key(process, page);
        int frame = resident.get(key);
        if (frame != PageKeyMap.MISSING) {
            int pool = poolOf(process);
            pools[pool].hit(frame - poolStart[pool], position);
            lastHit = true;
            lastEvicted = FREE;
        } else {
            faults[process]++;
            int pool = poolOf(process);
            int local;
            if (poolUsed[pool] < poolCapacity[pool]) {
                local = poolUsed[pool]++;
                frame = poolStart[pool] + local;
                lastEvicted = FREE;
            } else {
                local = pools[pool].victim();
                frame = poolStart[pool] + local;
                long victim = frameKey[frame];
                resident.remove(victim);
                evictionsSuffered[PageKeyMap.processOf(victim)]++;
                totalEvictions++;
                lastEvicted = victim;
            }
            resident.put(key, frame);
            frameKey[frame] = key;
            loadedAt[frame] = position + 1;
            accessCount[frame] = 0;
            pools[pool].loaded(local, position);
            lastHit = false;
        }
        lastAccess[frame] = position + 1;
        accessCount[frame]++;
        lastFrame = frame;
    }

    private int poolOf(int process) {
        return pools.length == 1 ? 0 : process;
    }

    private int processIndexFor(String process) {
        Integer index = processIndex.get(process);
        if (index != null) {
            return index;
        }
        if (config.scope() == ReplacementScope.LOCAL || future != null) {
            throw new IllegalArgumentException("unknown process '" + process + "': this session knows "
                    + processNames);
        }
        if (!ReferenceString.isValidProcessName(process)) {
            throw new IllegalArgumentException("process name '" + process
                    + "' is not accepted: use letters, digits, '_', '-' or '.'");
        }
        return register(process);
    }

    private int register(String process) {
        int index = processNames.size();
        processNames.add(process);
        processIndex.put(process, index);
        if (index == references.length) {
            references = Arrays.copyOf(references, index * 2);
            faults = Arrays.copyOf(faults, index * 2);
            evictionsSuffered = Arrays.copyOf(evictionsSuffered, index * 2);
        }
        return index;
    }

    private void checkFollowsFuture(String process, int page) {
        if (step >= future.length()) {
            throw new IllegalStateException("the reference string of this session has ended after "
                    + future.length() + " references");
        }
        int position = (int) step;
        String expectedProcess = future.processNames().get(future.processAt(position));
        int expectedPage = future.pageAt(position);
        if (!expectedProcess.equals(process) || expectedPage != page) {
            throw new IllegalStateException("reference " + (position + 1) + " of this session is "
                    + expectedProcess + ":" + expectedPage + ", not " + process + ":" + page);
        }
    }

    public PagingConfig config() {
        return config;
    }

    /** References made so far. */
    public long step() {
        return step;
    }

    /** Counters over all processes. */
    public FaultStatistics statistics() {
        long refs = 0;
        long faultCount = 0;
        for (int i = 0; i < processNames.size(); i++) {
            refs += references[i];
            faultCount += faults[i];
        }
        return new FaultStatistics(refs, faultCount, totalEvictions);
    }

    /** Counters of one process; all zero for a process that has made no reference. */
    public FaultStatistics statistics(String process) {
        Integer index = processIndex.get(process);
        return index == null ? FaultStatistics.EMPTY : statisticsOf(index);
    }

    /** Counters of every known process, in order of first appearance. */
    public Map<String, FaultStatistics> statisticsByProcess() {
        Map<String, FaultStatistics> byProcess = new LinkedHashMap<>();
        for (int i = 0; i < processNames.size(); i++) {
            byProcess.put(processNames.get(i), statisticsOf(i));
        }
        return Collections.unmodifiableMap(byProcess);
    }

    private FaultStatistics statisticsOf(int index) {
        return new FaultStatistics(references[index], faults[index], evictionsSuffered[index]);
    }

    /** The frame table now. O(frames). */
    public FrameTableSnapshot frameTable() {
        List<FrameState> states = new ArrayList<>(frameKey.length);
        for (int pool = 0; pool < pools.length; pool++) {
            String owner = config.scope() == ReplacementScope.LOCAL ? processNames.get(pool) : null;
            for (int local = 0; local < poolCapacity[pool]; local++) {
                int frame = poolStart[pool] + local;
                long key = frameKey[frame];
                states.add(key == FREE
                        ? new FrameState(frame, owner, null, -1, -1, -1, 0, false)
                        : new FrameState(frame, owner, processNames.get(PageKeyMap.processOf(key)),
                                PageKeyMap.pageOf(key), loadedAt[frame], lastAccess[frame], accessCount[frame],
                                pools[pool].referenceBit(local)));
            }
        }
        return new FrameTableSnapshot(config.algorithm(), step, states);
    }
}
