/**
 * Test support for integration tests that run the real agent in real JVMs; meant to be reused by
 * every test of the agent module (allocation tracking, policy, reliability).
 *
 * <ul>
 *   <li>{@link dev.memtrack.agent.testing.TestJdk}: the JDK child JVMs run on
 *       ({@code -Dmemtrack.it.javaHome}, set per Failsafe execution: JDK 17 and JDK 25); skips with a
 *       message when it is missing.</li>
 *   <li>{@link dev.memtrack.agent.testing.AgentJar}: the built {@code memtrack-agent.jar};
 *       {@link dev.memtrack.agent.testing.SimulatorJar}: the runnable {@code memtrack-simulator.jar}
 *       (demo workload), started with {@code ChildJvm.Builder.jar}.</li>
 *   <li>{@link dev.memtrack.agent.testing.ChildJvm}: starts a JVM (with or without
 *       {@code -javaagent}), captures its output, waits for lines such as the ready line, and is
 *       destroyed reliably ({@code close()}, and a shutdown hook as last resort).</li>
 *   <li>{@link dev.memtrack.agent.testing.JolokiaClient}: HTTP requests to Jolokia with parsed JSON
 *       answers, optional basic auth and TLS.</li>
 *   <li>{@link dev.memtrack.agent.testing.JolokiaNotifications}: pull-mode notifications over Jolokia.</li>
 *   <li>{@link dev.memtrack.agent.testing.SelfSignedCertificate}: PEM files for https tests.</li>
 *   <li>{@link dev.memtrack.agent.testing.Jmx}: a JMX connection the way JConsole gets one (attach,
 *       start the local management agent, connect).</li>
 *   <li>{@link dev.memtrack.agent.testing.ConnectedJvm}: a child JVM with the agent, ready, with its
 *       Jolokia client and JMX connection; {@link dev.memtrack.agent.testing.EveryAttribute}: reads
 *       every attribute of an MBean over Jolokia and JMX, checking descriptions and units.</li>
 *   <li>{@link dev.memtrack.agent.testing.FreePort}: a free TCP port on loopback.</li>
 *   <li>{@link dev.memtrack.agent.testing.Await}: waits for a state (never for a duration).</li>
 *   <li>{@code testing.apps}: small mains the child JVMs run.</li>
 * </ul>
 *
 * <p>Typical use:
 * <pre>{@code
 * static ChildJvm app;
 *
 * @BeforeAll
 * static void start() {
 *     app = ChildJvm.withAgent("jolokia.port=0,interval=200ms").main(WorkloadApp.class, "allocate").start();
 *     app.awaitReady();
 * }
 *
 * @AfterAll
 * static void stop() {
 *     ChildJvm.closeQuietly(app);
 * }
 * }</pre>
 */
package dev.memtrack.agent.testing;
