package dev.memtrack.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the agent adds to a JVM's start-up, measured from the outside (not JMH: the subject is a
 * whole process).
 *
 * <p>Runs {@link HelloWorld} N times each without an agent, with an empty agent ({@link EmptyAgent}:
 * what any {@code -javaagent} costs) and with memtrack, round-robin so that all three see the same
 * machine load, and prints the median wall time of each and the differences (target: at most 300 ms
 * added by memtrack). memtrack does its slow work on a daemon thread, so this is what an application
 * waits for; separately the harness times how long memtrack takes to print its ready line in an idle
 * JVM, and when allocation tracking was running there (the Agent MBean's subsystem table, read over
 * Jolokia): classes loaded before that moment are retransformed rather than instrumented as they load.
 *
 * <pre>
 * benchmarks/run-startup.sh [runs]
 * java -cp benchmarks/target/classes dev.memtrack.benchmarks.AgentStartupHarness \
 *      --agent agent/target/memtrack-agent.jar [--runs 20] [--java /path/to/bin/java]
 * </pre>
 */
public final class AgentStartupHarness {

    private static final String AGENT_OPTIONS = "jolokia.port=0";
    private static final Pattern READY = Pattern.compile("] memtrack \\S+ ready: jolokia (http\\S+)");
    private static final Pattern VALUE = Pattern.compile("\"value\":(\\d+)");
    private static final Pattern TRACKING_SINCE =
            Pattern.compile("\"allocation-tracking\":\\{[^}]*\"state\":\"RUNNING\"[^}]*\"sinceMillis\":(\\d+)"
                    + "|\"allocation-tracking\":\\{[^}]*\"sinceMillis\":(\\d+)[^}]*\"state\":\"RUNNING\"");

    private AgentStartupHarness() {
    }

    public static void main(String[] args) throws Exception {
        Path agent = null;
        int runs = 20;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--agent" -> agent = Path.of(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--java" -> java = args[++i];
                default -> throw new IllegalArgumentException("unknown argument '" + args[i]
                        + "'; expected --agent <jar> [--runs N] [--java <path>]");
            }
        }
        if (agent == null || !Files.isRegularFile(agent)) {
            throw new IllegalArgumentException("--agent must name the built memtrack-agent.jar, got " + agent);
        }
        String classpath = Path.of(AgentStartupHarness.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        String javaagent = "-javaagent:" + agent.toAbsolutePath() + "=" + AGENT_OPTIONS;

        String emptyAgent = "-javaagent:" + emptyAgentJar();

        // Warm the file system cache for every variant; not measured.
        helloWorld(java, classpath, null);
        helloWorld(java, classpath, emptyAgent);
        helloWorld(java, classpath, javaagent);

        List<Double> without = new ArrayList<>();
        List<Double> empty = new ArrayList<>();
        List<Double> with = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            without.add(helloWorld(java, classpath, null));
            empty.add(helloWorld(java, classpath, emptyAgent));
            with.add(helloWorld(java, classpath, javaagent));
        }
        List<Double> ready = new ArrayList<>();
        List<Double> tracking = new ArrayList<>();
        for (int i = 0; i < Math.max(3, runs / 4); i++) {
            double[] times = timeToReady(java, classpath, javaagent);
            ready.add(times[0]);
            tracking.add(times[1]);
        }
        double base = median(without);
        double emptyRun = median(empty);
        double agentRun = median(with);
        System.out.printf(Locale.ROOT, "java: %s (%d runs each, round-robin)%n", java, runs);
        System.out.printf(Locale.ROOT, "hello world, no agent:       median %.0f ms%n", base);
        System.out.printf(Locale.ROOT, "hello world, empty agent:    median %.0f ms%n", emptyRun);
        System.out.printf(Locale.ROOT, "hello world, memtrack:       median %.0f ms%n", agentRun);
        System.out.printf(Locale.ROOT, "added by memtrack:           %.0f ms (target <= 300 ms), of which any "
                + "-javaagent costs %.0f ms%n", agentRun - base, emptyRun - base);
        System.out.printf(Locale.ROOT, "agent ready line after:    median %.0f ms from process start (%d runs)%n",
                median(ready), ready.size());
        System.out.printf(Locale.ROOT, "allocation tracking after: median %.0f ms from JVM start (%d runs)%n",
                median(tracking), tracking.size());
    }

    /** Packs {@link EmptyAgent} into a temporary agent jar. */
    private static Path emptyAgentJar() throws IOException {
        Path jar = Files.createTempFile("empty-agent", ".jar");
        jar.toFile().deleteOnExit();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", EmptyAgent.class.getName());
        String entry = EmptyAgent.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             InputStream in = EmptyAgent.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    /** Wall time of one hello-world run, process start to exit, in ms. */
    private static double helloWorld(String java, String classpath, String javaagent) throws Exception {
        List<String> command = new ArrayList<>(List.of(java));
        if (javaagent != null) {
            command.add(javaagent);
        }
        command.addAll(List.of("-cp", classpath, HelloWorld.class.getName()));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("hello world failed: " + command);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /**
     * In an idle JVM: ms from process start to the agent's ready line, and ms from the JVM's start to
     * the moment allocation tracking was running.
     */
    private static double[] timeToReady(String java, String classpath, String javaagent) throws IOException,
            InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(java, javaagent, "-cp", classpath, Idle.class.getName())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                Matcher ready = READY.matcher(line);
                if (ready.find()) {
                    double readyMs = (System.nanoTime() - start) / 1e6;
                    String jolokia = ready.group(1);
                    long jvmStart = number(get(jolokia + "read/java.lang:type=Runtime/StartTime"), VALUE);
                    long running = number(get(jolokia + "read/memtrack:type=Agent/Subsystems"), TRACKING_SINCE);
                    return new double[] {readyMs, running - jvmStart};
                }
            }
            throw new IllegalStateException("the agent printed no ready line");
        } finally {
            p.destroyForcibly().waitFor();
        }
    }

    private static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    private static long number(String json, Pattern pattern) {
        Matcher m = pattern.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in " + json);
        }
        return Long.parseLong(m.group(1) != null ? m.group(1) : m.group(m.groupCount()));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
