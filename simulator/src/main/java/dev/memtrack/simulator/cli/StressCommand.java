package dev.memtrack.simulator.cli;

import dev.memtrack.simulator.stress.MemoryStressGenerator;
import dev.memtrack.simulator.stress.StressPattern;
import dev.memtrack.simulator.stress.StressSnapshot;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** {@code stress}: runs the memory-stress generator in this JVM for some seconds, one status line a second. */
final class StressCommand implements Command {

    private static final long MIB = 1024 * 1024;

    @Override
    public String name() {
        return "stress";
    }

    @Override
    public String summary() {
        return "allocate real heap at a rate up to a target, following a pattern, then release it";
    }

    @Override
    public List<String> examples() {
        return List.of("stress --target-mb 256 --rate-mb 64 --pattern ramp --seconds 10");
    }

    @Override
    public List<Option> options() {
        return List.of(
                Option.value("--target-mb", "an integer > 0, at most the cap", "retained heap to reach, MiB"),
                Option.value("--rate-mb", "an integer > 0", "allocation rate, MiB/s"),
                Option.value("--pattern", "STEADY, RAMP, SPIKE or SAWTOOTH", "how retained heap moves (default STEADY)"),
                Option.value("--seconds", "an integer 1 to 86400", "how long to run (default 10)"),
                Option.value("--cap-mb", "an integer > 0", "safety cap, MiB (default half the maximum heap: "
                        + Runtime.getRuntime().maxMemory() / 2 / MIB + ")"));
    }

    @Override
    public int run(Options options, PrintStream out) throws InterruptedException {
        long target = options.longValue("--target-mb", 1, Long.MAX_VALUE / MIB) * MIB;
        long rate = options.longValue("--rate-mb", 1, Long.MAX_VALUE / MIB) * MIB;
        StressPattern pattern;
        try {
            pattern = StressPattern.parse(options.optional("--pattern").orElse("STEADY"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("bad value for --pattern: " + e.getMessage());
        }
        long seconds = options.longValue("--seconds", 1, 86_400, 10);
        long cap = options.longValue("--cap-mb", 1, Long.MAX_VALUE / MIB, Runtime.getRuntime().maxMemory() / 2 / MIB)
                * MIB;
        MemoryStressGenerator generator = new MemoryStressGenerator(cap);
        try {
            generator.start(target, rate, pattern);
        } catch (IllegalArgumentException e) {
            throw new UsageException("bad value for --target-mb: " + e.getMessage());
        }
        try {
            out.printf(Locale.ROOT, "stress %s: target %d MiB at %d MiB/s for %d s (cap %d MiB)%n", pattern,
                    target / MIB, rate / MIB, seconds, cap / MIB);
            for (long s = 1; s <= seconds; s++) {
                Thread.sleep(1000);
                StressSnapshot status = generator.status();
                out.printf(Locale.ROOT, "%4ds %-9s retained %5d MiB  allocated %6d MiB%n", s, status.phase(),
                        status.retainedBytes() / MIB, status.allocatedBytes() / MIB);
                if (!status.running()) {
                    out.println("stopped early: " + status.failure());
                    return 1;
                }
            }
        } finally {
            generator.stop();
        }
        out.printf(Locale.ROOT, "stopped: retained %d MiB, allocated %d MiB in all%n",
                generator.retainedBytes() / MIB, generator.allocatedBytes() / MIB);
        return 0;
    }
}
