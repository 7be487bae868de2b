package dev.memtrack.simulator.cli;

import dev.memtrack.simulator.EnumNames;
import dev.memtrack.simulator.paging.AccessResult;
import dev.memtrack.simulator.paging.FaultCount;
import dev.memtrack.simulator.paging.FaultStatistics;
import dev.memtrack.simulator.paging.FrameAllocation;
import dev.memtrack.simulator.paging.FrameState;
import dev.memtrack.simulator.paging.PagingConfig;
import dev.memtrack.simulator.paging.PagingRun;
import dev.memtrack.simulator.paging.PagingRuns;
import dev.memtrack.simulator.paging.PagingSimulator;
import dev.memtrack.simulator.paging.ReferenceString;
import dev.memtrack.simulator.paging.ReplacementAlgorithm;
import dev.memtrack.simulator.paging.ReplacementScope;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** {@code paging}: one algorithm, a comparison of all, or a fault curve over a reference string. */
final class PagingCommand implements Command {

    /** Same bound as the paging MBean: bounded work per call. */
    static final int MAX_FRAMES = 4096;

    @Override
    public String name() {
        return "paging";
    }

    @Override
    public String summary() {
        return "page replacement over a reference string: one algorithm, --compare all, or a --curve";
    }

    @Override
    public List<String> examples() {
        return List.of("paging --algorithm LRU --frames 3 --refs 7,0,1,2,0 [--json]",
                "paging --compare --frames 3 --refs 7,0,1,2,0,3,0,4,2,3,0,3,2,1,2,0,1,7,0,1",
                "paging --curve --algorithm FIFO --frames 5 --refs 1,2,3,4,1,2,5,1,2,3,4,5",
                "paging --algorithm LRU --frames 4 --refs A:1,B:1,A:2,B:2 --scope LOCAL --allocation PROPORTIONAL");
    }

    @Override
    public List<Option> options() {
        return List.of(
                Option.value("--algorithm", ReplacementAlgorithm.names(), "replacement algorithm"),
                Option.value("--frames", "an integer 1 to " + MAX_FRAMES, "physical frames (largest frame count with --curve)"),
                Option.value("--refs", "page numbers separated by commas or spaces, each >= 0 or process:page",
                        "reference string"),
                Option.flag("--compare", "run every algorithm on the same string"),
                Option.flag("--curve", "faults for 1..--frames frames (Belady's anomaly shows with FIFO)"),
                Option.value("--scope", "GLOBAL or LOCAL", "replacement scope with several processes (default GLOBAL)"),
                Option.value("--allocation", "EQUAL or PROPORTIONAL", "frame quotas with LOCAL scope (default EQUAL)"),
                Option.value("--seed", "an integer", "seed of RANDOM (default " + PagingConfig.DEFAULT_SEED + ")"),
                Option.flag("--trace", "show every reference with the frame table after it"),
                Option.flag("--json", "print one JSON object"));
    }

    @Override
    public int run(Options options, PrintStream out) {
        if (options.has("--compare") && options.has("--curve")) {
            throw new UsageException("--compare and --curve cannot be combined: choose one");
        }
        if (options.has("--compare") && options.has("--algorithm")) {
            throw new UsageException("--compare runs every algorithm: leave out --algorithm");
        }
        if (options.has("--trace") && (options.has("--compare") || options.has("--curve"))) {
            throw new UsageException("--trace shows one run: leave out --compare and --curve");
        }
        ReplacementAlgorithm algorithm = options.has("--compare") ? ReplacementAlgorithm.FIFO
                : parse(options, "--algorithm", () -> ReplacementAlgorithm.parse(options.required("--algorithm")));
        int frames = (int) options.longValue("--frames", 1, MAX_FRAMES);
        String refsText = options.required("--refs");
        ReferenceString refs = parse(options, "--refs", () -> ReferenceString.parse(refsText));
        PagingConfig config = config(options, algorithm, frames);
        boolean json = options.has("--json");
        try {
            if (options.has("--compare")) {
                printCompare(PagingRuns.compare(config, refs), frames, refs, json, out);
            } else if (options.has("--curve")) {
                printCurve(PagingRuns.faultCurve(config.withFrames(1), frames, refs), algorithm, refs, json, out);
            } else if (options.has("--trace")) {
                printTrace(config, refs, json, out);
            } else {
                printRun(PagingRuns.run(config, refs), config, json, out);
            }
        } catch (IllegalArgumentException e) {
            // Frames too few for LOCAL quotas, or a curve shorter than one frame per process.
            throw options.bad("--frames", String.valueOf(frames), e.getMessage());
        }
        return 0;
    }

    private static PagingConfig config(Options options, ReplacementAlgorithm algorithm, int frames) {
        ReplacementScope scope = parse(options, "--scope",
                () -> EnumNames.parse(ReplacementScope.class, "scope",
                        options.optional("--scope").orElse("GLOBAL")));
        if (options.has("--allocation") && scope != ReplacementScope.LOCAL) {
            throw new UsageException("--allocation divides frames among processes under LOCAL scope: add --scope LOCAL");
        }
        FrameAllocation allocation = parse(options, "--allocation",
                () -> EnumNames.parse(FrameAllocation.class, "allocation",
                        options.optional("--allocation").orElse("EQUAL")));
        long seed = options.longValue("--seed", Long.MIN_VALUE, Long.MAX_VALUE, PagingConfig.DEFAULT_SEED);
        return new PagingConfig(algorithm, frames, scope, allocation, seed);
    }

    private interface Parse<T> {
        T get();
    }

    /** Turns a library's refusal of a value into a usage error naming the option. */
    private static <T> T parse(Options options, String option, Parse<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException("bad value for " + option + ": " + e.getMessage());
        }
    }

    private static void printRun(PagingRun run, PagingConfig config, boolean json, PrintStream out) {
        if (json) {
            JsonWriter w = new JsonWriter().beginObject()
                    .field("algorithm", run.algorithm().name())
                    .field("frames", run.frames())
                    .field("scope", config.scope().name());
            if (config.scope() == ReplacementScope.LOCAL) {
                w.field("allocation", config.allocation().name());
            }
            statistics(w, run.total());
            w.name("processes").beginArray();
            run.byProcess().forEach((process, stats) -> statistics(w.beginObject().field("process", process), stats).endObject());
            out.println(w.endArray().endObject());
            return;
        }
        out.printf(Locale.ROOT, "%s with %d frames%s over %d references: %s%n", run.algorithm(), run.frames(),
                config.scope() == ReplacementScope.LOCAL ? " (LOCAL, " + config.allocation() + ")" : "",
                run.total().references(), describe(run.total()));
        if (run.byProcess().size() > 1) {
            run.byProcess().forEach((process, stats) -> out.printf(Locale.ROOT, "  %s: %d references, %s%n",
                    process, stats.references(), describe(stats)));
        }
    }

    private static void printCompare(List<PagingRun> runs, int frames, ReferenceString refs, boolean json,
                                     PrintStream out) {
        if (json) {
            JsonWriter w = new JsonWriter().beginObject().field("frames", frames).field("references", refs.length())
                    .name("results").beginArray();
            runs.forEach(run -> statistics(w.beginObject().field("algorithm", run.algorithm().name()), run.total())
                    .endObject());
            out.println(w.endArray().endObject());
            return;
        }
        out.printf(Locale.ROOT, "%d frames, %d references%n", frames, refs.length());
        out.printf(Locale.ROOT, "%-9s %8s %8s %9s %9s%n", "algorithm", "faults", "hits", "hit ratio", "evictions");
        for (PagingRun run : runs) {
            FaultStatistics s = run.total();
            out.printf(Locale.ROOT, "%-9s %8d %8d %9.3f %9d%n", run.algorithm(), s.faults(), s.hits(), s.hitRatio(),
                    s.evictions());
        }
    }

    private static void printCurve(List<FaultCount> curve, ReplacementAlgorithm algorithm, ReferenceString refs,
                                   boolean json, PrintStream out) {
        if (json) {
            JsonWriter w = new JsonWriter().beginObject().field("algorithm", algorithm.name())
                    .field("references", refs.length()).name("curve").beginArray();
            curve.forEach(point -> w.beginObject().field("frames", point.frames()).field("faults", point.faults())
                    .endObject());
            out.println(w.endArray().endObject());
            return;
        }
        out.printf(Locale.ROOT, "%s over %d references%n%6s %8s%n", algorithm, refs.length(), "frames", "faults");
        long previous = Long.MAX_VALUE;
        for (FaultCount point : curve) {
            out.printf(Locale.ROOT, "%6d %8d%s%n", point.frames(), point.faults(),
                    point.faults() > previous ? "  <- more frames, more faults (Belady's anomaly)" : "");
            previous = point.faults();
        }
    }

    private static void printTrace(PagingConfig config, ReferenceString refs, boolean json, PrintStream out) {
        PagingSimulator simulator = PagingSimulator.replaying(config, refs);
        boolean plain = refs.processNames().equals(List.of(ReferenceString.DEFAULT_PROCESS));
        JsonWriter w = new JsonWriter().beginObject().field("algorithm", config.algorithm().name())
                .field("frames", config.frames()).name("steps").beginArray();
        for (int i = 0; i < refs.length(); i++) {
            AccessResult r = simulator.access(refs.processNames().get(refs.processAt(i)), refs.pageAt(i));
            List<FrameState> frames = simulator.frameTable().frames();
            String evicted = r.evicted() ? page(plain, r.evictedProcess(), r.evictedPage()) : null;
            if (json) {
                w.beginObject().field("step", r.step()).field("process", r.process()).field("page", r.page())
                        .field("hit", r.hit()).field("frame", r.frame()).field("evicted", evicted)
                        .name("frames").beginArray();
                frames.forEach(f -> w.value(f.occupied() ? page(plain, f.process(), f.page()) : null));
                w.endArray().endObject();
            } else {
                StringBuilder table = new StringBuilder();
                frames.forEach(f -> table.append(String.format(Locale.ROOT, " %5s",
                        f.occupied() ? page(plain, f.process(), f.page()) + (f.referenceBit() ? "*" : "") : "-")));
                out.printf(Locale.ROOT, "%4d %6s %-5s |%s%s%n", r.step(), page(plain, r.process(), r.page()),
                        r.hit() ? "hit" : "fault", table, evicted == null ? "" : "   evicted " + evicted);
            }
        }
        if (json) {
            statistics(w.endArray(), simulator.statistics());
            out.println(w.endObject());
        } else {
            out.printf(Locale.ROOT, "%s with %d frames: %s%n", config.algorithm(), config.frames(),
                    describe(simulator.statistics()));
        }
    }

    private static String page(boolean plain, String process, int page) {
        return plain ? String.valueOf(page) : process + ":" + page;
    }

    private static JsonWriter statistics(JsonWriter w, FaultStatistics s) {
        return w.field("references", s.references()).field("faults", s.faults()).field("hits", s.hits())
                .field("hitRatio", s.hitRatio()).field("evictions", s.evictions());
    }

    private static String describe(FaultStatistics s) {
        return String.format(Locale.ROOT, "%d faults, %d hits, hit ratio %.3f, %d evictions",
                s.faults(), s.hits(), s.hitRatio(), s.evictions());
    }
}
