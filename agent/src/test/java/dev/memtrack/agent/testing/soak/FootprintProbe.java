package dev.memtrack.agent.testing.soak;

import dev.memtrack.agent.testing.ClassHistogram;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.management.JMException;
import javax.management.MBeanServerConnection;

/**
 * Samples a JVM's footprint over a JMX connection (not Jolokia: memtrack's Jolokia policy denies
 * {@code DiagnosticCommand}, rightly). Each sample runs {@code GC.class_histogram}, which collects
 * the whole heap first, so the figures are what is live, not garbage that happens to be there; then
 * reads the threads.
 *
 * <p>The agent's objects are counted by class name: memtrack's agent packages and the libraries it
 * carries. Classes the agent shares by name with the demo (simulator, MBean contract) are left out,
 * since the histogram cannot tell the two class loaders apart. Objects of JDK classes the agent
 * holds (arrays, collections) show in the live heap total only.
 */
public final class FootprintProbe {

    /** Class name prefixes of the agent's own classes and of the libraries only the agent loads. */
    public static final List<String> AGENT_PACKAGES = List.of("dev.memtrack.agent.", "org.jolokia.", "oshi.",
            "com.sun.jna.", "net.bytebuddy.", "org.HdrHistogram.");

    private final MBeanServerConnection server;
    private final ThreadMXBean threads;
    private long startNanos = -1;

    public FootprintProbe(MBeanServerConnection server) throws IOException {
        this.server = server;
        this.threads = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.THREAD_MXBEAN_NAME,
                ThreadMXBean.class);
    }

    public FootprintSample sample() throws IOException, JMException {
        long now = System.nanoTime();
        if (startNanos < 0) {
            startNanos = now;
        }
        ClassHistogram h = ClassHistogram.read(server);
        ClassHistogram.Totals agent = h.totals(className -> AGENT_PACKAGES.stream().anyMatch(className::startsWith));
        Map<String, Integer> groups = new HashMap<>();
        ThreadInfo[] infos = threads.getThreadInfo(threads.getAllThreadIds());
        Arrays.stream(infos).filter(Objects::nonNull)
                .forEach(t -> groups.merge(t.getThreadName().replaceAll("\\d+", "N"), 1, Integer::sum));
        int live = (int) Arrays.stream(infos).filter(Objects::nonNull).count();
        return new FootprintSample((now - startNanos) / 1_000_000, h.totalBytes(), agent.instances(), agent.bytes(),
                live, groups);
    }
}
