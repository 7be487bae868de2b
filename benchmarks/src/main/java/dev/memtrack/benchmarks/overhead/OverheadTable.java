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
 * The harness's table: per program and variant, the medians over repetitions of the process's CPU
 * time (start-up included), the CPU and wall time of the work alone (start-up excluded), the CPU and
 * wall time per run of the same work repeated once warm (what a long-running program pays) and the
 * process's wall time, their ratios to the baseline, and the share of the JVM's bytes the tracker
 * counted; then, per variant, the median of each over the programs.
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

    /** What each run is measured by, in the order of the table's columns. */
    private enum Measure {
        CPU("CPU", RunResult::cpuMillis),
        WORK_CPU("work CPU", RunResult::workCpuMillis),
        WORK_WALL("work wall", RunResult::workMillis),
        WARM_CPU("warm CPU", r -> RunResult.measured(r.warmCpuMillis())),
        WARM_WALL("warm wall", r -> RunResult.measured(r.warmMillis())),
        WALL("process wall", RunResult::wallMillis);

        final String title;
        final ToDoubleFunction<RunResult> millis;

        Measure(String title, ToDoubleFunction<RunResult> millis) {
            this.title = title;
            this.millis = millis;
        }
    }

    private static final Measure[] MEASURES = Measure.values();

    void print(PrintStream out) {
        out.println();
        StringBuilder header = new StringBuilder("| program | variant |");
        for (Measure m : MEASURES) {
            header.append(' ').append(m.title).append(" s | ").append(m.title).append(" ratio |");
        }
        out.println(header + " counted / JVM bytes |");
        out.println("| --- | --- |" + " --- | --- |".repeat(MEASURES.length) + " --- |");
        Map<Variant, List<double[]>> perVariant = new EnumMap<>(Variant.class);
        for (Program program : programs) {
            Map<Variant, List<RunResult>> runs = results.getOrDefault(program, Map.of());
            List<RunResult> baseline = runs.getOrDefault(Variant.BASELINE, List.of());
            if (baseline.isEmpty()) {
                out.printf(Locale.ROOT, "| %s | (no baseline run succeeded) |%n", program.label());
                continue;
            }
            for (Variant variant : variants) {
                List<RunResult> rs = runs.getOrDefault(variant, List.of());
                if (rs.isEmpty()) {
                    out.printf(Locale.ROOT, "| %s | %s | failed |%n", program.label(), variant.label());
                    continue;
                }
                double[] row = new double[MEASURES.length + 1];
                StringBuilder line = new StringBuilder("| " + program.label() + " | " + variant.label() + " |");
                for (Measure m : MEASURES) {
                    double value = median(rs, m.millis);
                    row[m.ordinal()] = value / median(baseline, m.millis);
                    line.append(String.format(Locale.ROOT, " %.2f | %.3f |", value / 1000, row[m.ordinal()]));
                }
                row[MEASURES.length] = median(rs, RunResult::countedShare);
                perVariant.computeIfAbsent(variant, v -> new ArrayList<>()).add(row);
                out.println(line + " " + share(row[MEASURES.length]) + " |");
            }
        }
        out.println();
        StringBuilder summary = new StringBuilder("| variant |");
        for (Measure m : MEASURES) {
            summary.append(" median ").append(m.title).append(" ratio |");
        }
        out.println(summary + " median counted / JVM bytes | target on CPU | target on work CPU | target on warm CPU |");
        out.println("| --- |" + " --- |".repeat(MEASURES.length + 4));
        for (Variant variant : variants) {
            List<double[]> rows = perVariant.getOrDefault(variant, List.of());
            if (rows.isEmpty() || variant == Variant.BASELINE) {
                continue;
            }
            StringBuilder line = new StringBuilder("| " + variant.label() + " |");
            for (Measure m : MEASURES) {
                line.append(String.format(Locale.ROOT, " %.3f |", medianOf(rows, m.ordinal())));
            }
            line.append(' ').append(share(medianOf(rows, MEASURES.length))).append(" | ")
                    .append(verdict(variant, medianOf(rows, Measure.CPU.ordinal()))).append(" | ")
                    .append(verdict(variant, medianOf(rows, Measure.WORK_CPU.ordinal()))).append(" | ")
                    .append(verdict(variant, medianOf(rows, Measure.WARM_CPU.ordinal()))).append(" |");
            out.println(line);
        }
    }

    static String share(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.3f", share);
    }

    /** The targets are on CPU time: SAMPLED at most 1.03 times the baseline, EXACT 1.25 times. */
    private static String verdict(Variant variant, double ratio) {
        double target = variant == Variant.SAMPLED ? SAMPLED_TARGET : variant == Variant.EXACT ? EXACT_TARGET : 0;
        return target == 0 ? "" : String.format(Locale.ROOT, "<= %.2f: %s", target, ratio <= target ? "met" : "MISSED");
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
