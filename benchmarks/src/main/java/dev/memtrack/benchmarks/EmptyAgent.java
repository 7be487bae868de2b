package dev.memtrack.benchmarks;

import java.lang.instrument.Instrumentation;

/**
 * A {@code -javaagent} that does nothing: the start-up harness packs it into a jar to measure what any
 * agent costs a JVM (loading {@code java.instrument}, JVMTI), apart from what memtrack adds.
 */
public final class EmptyAgent {

    private EmptyAgent() {
    }

    public static void premain(String args, Instrumentation instrumentation) {
        // Deliberately empty.
    }
}
