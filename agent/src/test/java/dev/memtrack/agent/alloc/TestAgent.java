package dev.memtrack.agent.alloc;

import dev.memtrack.agent.alloc.instrument.BootstrapInjection;
import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * The test JVM's Instrumentation (Byte Buddy's agent attached to itself) and the allocation hooks
 * on its bootstrap class path, injected by the tracker's own code before any test class is loaded
 * (see {@link InjectHooksFirst}), as the real agent does before loading its engine.
 */
public final class TestAgent {

    private static Instrumentation instrumentation;

    private TestAgent() {
    }

    public static synchronized Instrumentation instrumentation() {
        if (instrumentation == null) {
            instrumentation = ByteBuddyAgent.install();
            BootstrapInjection.ensureInjected(instrumentation, TestAgent.class.getClassLoader());
        }
        return instrumentation;
    }
}
