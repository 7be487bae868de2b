package dev.memtrack.benchmarks.overhead;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The harness's table: per program and variant, the medians over repetitions of CPU and wall time,
 * their ratios to the baseline, and the share of the JVM's bytes the tracker counted; then, per
 * variant, the median of each over the programs.
 */
final class OverheadTable {

    private static final double SAMPLED_TARGET = 1.03;
    private static final double EXACT_TARGET = 1.25;

    private final List<Program> programs;
    private final List<Variant> variants;
    private final Map<Program, Map<Variant, List<RunResult>>> results;

    OverheadTable(List<Program> programs, List<Variant> variants, Map<Program, Map<Variant, List<RunResult>>> results) {
        this.programs = programs;
        this.variants = variants;
        this.results = results;
    }

    void print(PrintStream out) {
        out.println();
        out.println("| program | variant | CPU s | CPU ratio | wall s | wall ratio | counted / JVM bytes |");
        out.println("| --- | --- | --- | --- | --- | --- | --- |");
        Map<Variant, List<double[]>> perVariant = new EnumMap<>(Variant.class);
        for (Program program : programs) {
            Map<Variant, List<RunResult>> runs = results.getOrDefault(program, Map.of());
            List<RunResult> baseline = runs.getOrDefault(Variant.BASELINE, List.of());
            if (baseline.isEmpty()) {
                out.printf(Locale.ROOT, "| %s | (no baseline run succeeded) | | | | | |%n", program.label());
                continue;
            }
            double baseCpu = median(baseline, RunResult::cpuMillis);
            double baseWall = median(baseline, RunResult::wallMillis);
            for (Variant variant : variants) {
                List<RunResult> rs = runs.getOrDefault(variant, List.of());
                if (rs.isEmpty()) {
                    out.printf(Locale.ROOT, "| %s | %s | failed | | | | |%n", program.label(), variant.label());
                    continue;
                }
                double cpu = median(rs, RunResult::cpuMillis);
                double wall = median(rs, RunResult::wallMillis);
                double share = median(rs, RunResult::countedShare);
                perVariant.computeIfAbsent(variant, v -> new ArrayList<>())
                        .add(new double[] {cpu / baseCpu, wall / baseWall, share});
                out.printf(Locale.ROOT, "| %s | %s | %.2f | %.3f | %.2f | %.3f | %s |%n", program.label(),
                        variant.label(), cpu / 1000, cpu / baseCpu, wall / 1000, wall / baseWall, share(share));
            }
        }
        out.println();
        out.println("| variant | median CPU ratio | median wall ratio | median counted / JVM bytes | target (CPU) |");
        out.println("| --- | --- | --- | --- | --- |");
        for (Variant variant : variants) {
            List<double[]> rows = perVariant.getOrDefault(variant, List.of());
            if (rows.isEmpty() || variant == Variant.BASELINE) {
                continue;
            }
            double cpu = medianOf(rows, 0);
            double wall = medianOf(rows, 1);
            String target = variant == Variant.SAMPLED ? verdict(cpu, SAMPLED_TARGET)
                    : variant == Variant.EXACT ? verdict(cpu, EXACT_TARGET) : "";
            out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %s | %s |%n", variant.label(), cpu, wall,
                    share(medianOf(rows, 2)), target);
        }
    }

    static String share(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.3f", share);
    }

    private static String verdict(double ratio, double target) {
        return String.format(Locale.ROOT, "<= %.2f: %s", target, ratio <= target ? "met" : "MISSED");
    }

    private static double median(List<RunResult> runs, ToDoubleFunction<RunResult> value) {
        List<Double> values = new ArrayList<>();
        for (RunResult r : runs) {
            values.add(value.applyAsDouble(r));
        }
        return median(values);
    }

    private static double medianOf(List<double[]> rows, int column) {
        List<Double> values = new ArrayList<>();
        for (double[] row : rows) {
            if (!Double.isNaN(row[column])) {
                values.add(row[column]);
            }
        }
        return values.isEmpty() ? Double.NaN : median(values);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.removeIf(v -> Double.isNaN(v));
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
