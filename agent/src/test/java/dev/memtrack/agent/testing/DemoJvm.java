package dev.memtrack.agent.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.mbeans.MemtrackDomain;

/**
 * The simulator's demo workload ({@code java -jar memtrack-simulator.jar demo}) in a JVM with the
 * agent and Jolokia on a free port: four programs registered as {@code memtrack:type=Workload,name=<program>}
 * (request-handler CRITICAL 2/4, batch-job BACKGROUND 2/4, cache-filler NORMAL 1/2, stress-phase
 * BACKGROUND 1/2). It runs with {@code -Xmx512m} as the README says, and ends by itself after ten
 * minutes should a test forget to close it.
 */
public final class DemoJvm implements AutoCloseable {

    private final ChildJvm jvm;
    private final JolokiaClient jolokia;

    private DemoJvm(ChildJvm jvm, JolokiaClient jolokia) {
        this.jvm = jvm;
        this.jolokia = jolokia;
    }

    /**
     * Starts the demo and waits until both the agent and the demo's programs are up.
     *
     * @param agentOptions agent options added after {@code jolokia.port=0}
     * @param jvmArgs      more JVM options (e.g. {@code -XX:StartFlightRecording=...})
     */
    public static DemoJvm start(String agentOptions, String... jvmArgs) {
        ChildJvm jvm = ChildJvm.withAgent("jolokia.port=0," + agentOptions).jvmArgs("-Xmx512m").jvmArgs(jvmArgs)
                .name("demo").jar(SimulatorJar.path(), "demo", "--seconds", "600").start();
        try {
            ChildJvm.Ready ready = jvm.awaitReady();
            jvm.awaitStdout("running for");
            return new DemoJvm(jvm, new JolokiaClient(ready.jolokiaUri()));
        } catch (RuntimeException | AssertionError e) {
            jvm.close();
            throw e;
        }
    }

    public ChildJvm jvm() {
        return jvm;
    }

    public JolokiaClient jolokia() {
        return jolokia;
    }

    public long pid() {
        return jvm.pid();
    }

    public int parallelism(String program) {
        return ((Number) workload(program, "Parallelism")).intValue();
    }

    public boolean paused(String program) {
        return Boolean.TRUE.equals(workload(program, "Paused"));
    }

    /** Sets a program's parallelism as a person would (Jolokia write). */
    public void setParallelism(String program, int parallelism) {
        JolokiaClient.Response r = jolokia.write(MemtrackDomain.workload(program).toString(), "Parallelism",
                parallelism);
        assertThat(r.status()).as("writing Parallelism of %s: %s", program, r.body()).isEqualTo(200);
    }

    private Object workload(String program, String attribute) {
        JolokiaClient.Response r = jolokia.read(MemtrackDomain.workload(program).toString(), attribute);
        assertThat(r.status()).as("reading %s of %s: %s", attribute, program, r.body()).isEqualTo(200);
        return r.value();
    }

    @Override
    public void close() {
        jvm.close();
    }
}
