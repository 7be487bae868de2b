package dev.memtrack.agent.testing;

/**
 * A child JVM running the agent, once it is ready, with a Jolokia client to its endpoint and a JMX
 * connection obtained as JConsole gets one. Closing it closes the connection and destroys the JVM.
 */
public record ConnectedJvm(ChildJvm jvm, ChildJvm.Ready ready, JolokiaClient jolokia, Jmx jmx)
        implements AutoCloseable {

    /** Starts the JVM, waits for the ready line and connects; destroys the JVM if that fails. */
    public static ConnectedJvm start(ChildJvm.Builder builder) {
        ChildJvm jvm = builder.start();
        try {
            ChildJvm.Ready ready = jvm.awaitReady();
            return new ConnectedJvm(jvm, ready, new JolokiaClient(ready.jolokiaUri()), Jmx.connect(jvm.pid()));
        } catch (RuntimeException | Error e) {
            jvm.close();
            throw e;
        }
    }

    public static void closeQuietly(ConnectedJvm connected) {
        if (connected != null) {
            connected.close();
        }
    }

    @Override
    public void close() {
        try {
            jmx.close();
        } finally {
            jvm.close();
        }
    }
}
