package dev.memtrack.benchmarks.overhead;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What allocation tracking costs real programs: H2, Jackson, Jetty and Lucene (see {@link Program}),
 * each as a fixed amount of work in a JVM of its own, without an agent, with memtrack (tracking
 * disabled, SAMPLED, EXACT) and with allocation-instrumenter counting every allocation, back to back
 * in rotating order, several repetitions. Prints per program and as a median over programs the ratio
 * to the baseline of the process's CPU and wall time, of the first run of the work and of a warm run
 * (medians over repetitions, see {@link OverheadTable}), and the share of the JVM's allocated bytes
 * each tracker counted. Not a test: the figures depend on the
 * machine (say how loaded it was when you quote them).
 *
 * <pre>
 * benchmarks/run-overhead.sh [repetitions]
 * java -cp benchmarks/target/classes dev.memtrack.benchmarks.overhead.OverheadHarness \
 *      --agent agent/target/memtrack-agent.jar --overhead benchmarks/target/overhead [--reps 3] \
 *      [--java /path/to/bin/java] [--programs h2,jackson,jetty,lucene] \
 *      [--variants baseline,agent_only,sampled,exact,instrumenter] [--heap 1g] [--warm 5]
 * </pre>
 */
public final class OverheadHarness {

    private final Path agent;
    private final Path overhead;
    private final Path instrumenter;
    private final String java;
    private final String heap;
    private final Path classes;
    private final Path work;
    private final int warm;

    private OverheadHarness(Path agent, Path overhead, String java, String heap, int warm) throws Exception {
        this.warm = warm;
        this.agent = agent.toAbsolutePath();
        this.overhead = overhead.toAbsolutePath();
        this.instrumenter = onlyJar(this.overhead.resolve("instrumenter"));
        this.java = java;
        this.heap = heap;
        this.classes = Path.of(OverheadHarness.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        this.work = this.overhead.resolve("work");
    }

    public static void main(String[] args) throws Exception {
        Path agent = null;
        Path overhead = Path.of("benchmarks/target/overhead");
        int reps = 3;
        int warm = 5;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String heap = "1g";
        List<Program> programs = List.of(Program.values());
        List<Variant> variants = List.of(Variant.values());
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--agent" -> agent = Path.of(args[++i]);
                case "--overhead" -> overhead = Path.of(args[++i]);
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--java" -> java = args[++i];
                case "--heap" -> heap = args[++i];
                case "--warm" -> warm = Integer.parseInt(args[++i]);
                case "--programs" -> programs = Stream.of(args[++i].split(",")).map(Program::byLabel).toList();
                case "--variants" -> variants = Stream.of(args[++i].split(",")).map(Variant::byName).toList();
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'; expected --agent, "
                        + "--overhead, --reps, --warm, --java, --heap, --programs, --variants");
            }
        }
        if (agent == null || !Files.isRegularFile(agent)) {
            throw new IllegalArgumentException("--agent must name the built memtrack-agent.jar, got " + agent);
        }
        if (!variants.contains(Variant.BASELINE)) {
            throw new IllegalArgumentException("--variants must include baseline: every ratio is against it");
        }
        if (warm < 0) {
            throw new IllegalArgumentException("--warm must be 0 or more seconds (of warm-up, then of measured runs),"
                    + " got " + warm);
        }
        new OverheadHarness(agent, overhead, java, heap, warm).run(programs, variants, reps);
    }

    private void run(List<Program> programs, List<Variant> variants, int reps) throws Exception {
        Files.createDirectories(work);
        Path sources = programs.contains(Program.LUCENE) ? sourceTree() : null;
        System.out.printf(Locale.ROOT, "== %s, %d cores, load average %s, %s%n", Instant.now(),
                Runtime.getRuntime().availableProcessors(), loadAverage(), java);
        Map<Program, Map<Variant, List<RunResult>>> results = new EnumMap<>(Program.class);
        for (int rep = 0; rep < reps; rep++) {
            for (int p = 0; p < programs.size(); p++) {
                Program program = programs.get(p);
                List<Variant> order = new ArrayList<>(variants);
                Collections.rotate(order, rep + p);
                for (Variant variant : order) {
                    RunResult r = runOnce(program, variant, rep, program == Program.LUCENE ? sources : null);
                    if (r != null) {
                        results.computeIfAbsent(program, k -> new EnumMap<>(Variant.class))
                                .computeIfAbsent(variant, k -> new ArrayList<>()).add(r);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "   repetition %d of %d done, load average %s%n", rep + 1, reps,
                    loadAverage());
        }
        new OverheadTable(programs, variants, results).print(System.out);
    }

    /** One child JVM; {@code null} (and a message) if it failed. */
    private RunResult runOnce(Program program, Variant variant, int rep, Path input) throws Exception {
        Path dir = work.resolve(program.label() + "-" + variant.name().toLowerCase(Locale.ROOT));
        Files.createDirectories(dir);
        Path out = dir.resolve("rep" + rep + ".out");
        Path err = dir.resolve("rep" + rep + ".err");
        List<String> command = new ArrayList<>(List.of(java, "-Xms" + heap, "-Xmx" + heap));
        command.addAll(variant.agentArguments(agent, instrumenter));
        List<String> classpath = new ArrayList<>(List.of(classes.toString()));
        program.jars(overhead).forEach(j -> classpath.add(j.toString()));
        command.addAll(List.of("-cp", String.join(File.pathSeparator, classpath),
                ProgramRun.class.getName(), program.workloadClass(), dir.toString(),
                input == null ? "-" : input.toString(), variant.counter(), Integer.toString(warm)));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean exited = p.waitFor(30, TimeUnit.MINUTES);
        long wallMillis = (System.nanoTime() - start) / 1_000_000;
        if (!exited) {
            p.destroyForcibly().waitFor();
        }
        String result = Files.readAllLines(out).stream().filter(l -> l.startsWith("RESULT ")).findFirst().orElse(null);
        if (!exited || p.exitValue() != 0 || result == null) {
            System.out.printf(Locale.ROOT, "   FAILED %s / %s (repetition %d): %s; see %s and %s%n", program.label(),
                    variant.label(), rep + 1, exited ? "exit status " + p.exitValue() : "timed out", out, err);
            return null;
        }
        RunResult r = RunResult.parse(result, wallMillis);
        System.out.printf(Locale.ROOT, "   %-8s %-24s cpu %7.2f s  work cpu %7.2f s  warm cpu %7.2f s  wall %7.2f s  "
                        + "counted/JVM %s%n", program.label(), variant.label(), r.cpuMillis() / 1000.0,
                r.workCpuMillis() / 1000.0, r.warmCpuMillis() / 1000.0, wallMillis / 1000.0,
                OverheadTable.share(r.countedShare()));
        return r;
    }

    /**
     * The tree Lucene indexes: this repository's agent and simulator sources (a few hundred files, the
     * same on every machine), found from the overhead directory ({@code benchmarks/target/overhead}).
     */
    private Path sourceTree() {
        Path repository = overhead.getParent().getParent().getParent();
        Path tree = repository.resolve("agent/src/main");
        if (!Files.isDirectory(tree)) {
            throw new IllegalStateException("Lucene indexes " + tree + ", which is missing; run from a clone");
        }
        System.out.println("   Lucene indexes " + tree);
        return tree;
    }

    private static Path onlyJar(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jars = files.filter(f -> f.toString().endsWith(".jar")).toList();
            if (jars.size() != 1) {
                throw new IllegalStateException("expected the instrumenter's jar alone in " + dir + ", found " + jars);
            }
            return jars.get(0);
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
