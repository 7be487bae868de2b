package dev.memtrack.benchmarks.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The command-line options the load and soak harnesses share, and what they set up from them: the
 * system properties through which the agent's test support ({@code DemoJvm}, {@code ChildJvm}) finds
 * the agent jar, the simulator jar, the JDK to run the demo with and a work directory.
 *
 * <pre>
 * --agent agent/target/memtrack-agent.jar --simulator simulator/target/memtrack-simulator.jar
 * [--java /path/to/jdk] [--work benchmarks/target/fleet-work] [--&lt;name&gt; &lt;value&gt; ...]
 * </pre>
 */
final class HarnessOptions {

    private final Map<String, String> values;

    private HarnessOptions(Map<String, String> values) {
        this.values = values;
    }

    /** Parses {@code --name value} pairs; {@code defaults} names every option accepted besides the shared ones. */
    static HarnessOptions parse(String[] args, Map<String, String> defaults) {
        Map<String, String> values = new LinkedHashMap<>(defaults);
        values.putIfAbsent("java", System.getProperty("java.home"));
        values.putIfAbsent("work", "benchmarks/target/fleet-work");
        values.putIfAbsent("agent", "agent/target/memtrack-agent.jar");
        values.putIfAbsent("simulator", "simulator/target/memtrack-simulator.jar");
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name == null || !values.containsKey(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown or incomplete argument '" + args[i] + "'; accepted: "
                        + values.keySet().stream().map(k -> "--" + k + " <value>").toList());
            }
            values.put(name, args[++i]);
        }
        HarnessOptions options = new HarnessOptions(values);
        options.requireFile("agent");
        options.requireFile("simulator");
        Path java = Path.of(values.get("java"));
        if (!Files.isExecutable(java.resolve("bin").resolve("java"))) {
            throw new IllegalArgumentException("--java must name a JDK home (with bin/java), got " + java);
        }
        return options;
    }

    private void requireFile(String name) {
        if (!Files.isRegularFile(Path.of(values.get(name)))) {
            throw new IllegalArgumentException("--" + name + " must name the built jar, got " + values.get(name)
                    + " (build with: mvn -B -pl agent,benchmarks -am package -DskipTests)");
        }
    }

    String text(String name) {
        return values.get(name);
    }

    /** The value split at spaces; none when empty. */
    String[] words(String name) {
        String value = values.get(name).trim();
        return value.isEmpty() ? new String[0] : value.split("\\s+");
    }

    int integer(String name) {
        try {
            return Integer.parseInt(values.get(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + values.get(name) + "'");
        }
    }

    double decimal(String name) {
        try {
            return Double.parseDouble(values.get(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, got '" + values.get(name) + "'");
        }
    }

    /** Points the agent's test support at the jars, the JDK and the work directory. */
    void configureTestSupport() {
        System.setProperty("memtrack.it.agentJar", Path.of(values.get("agent")).toAbsolutePath().toString());
        System.setProperty("memtrack.it.simulatorJar", Path.of(values.get("simulator")).toAbsolutePath().toString());
        System.setProperty("memtrack.it.javaHome", values.get("java"));
        System.setProperty("memtrack.it.workDir", Path.of(values.get("work")).toAbsolutePath().toString());
    }

    /** The first line of every report: when, where, how busy the machine was. */
    static String machineLine() {
        return String.format(Locale.ROOT, "%s, %d cores, load average %s at start",
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                Runtime.getRuntime().availableProcessors(), loadAverage());
    }

    /** The machine's one-minute load average, from /proc/loadavg. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 2)[0];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
