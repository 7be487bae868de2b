package dev.memtrack.agent.alloc;

import dev.memtrack.agent.alloc.instrument.BootstrapInjection;
import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * The test JVM's Instrumentation (Byte Buddy's agent attached to itself) and the allocation hooks
 * in its bootstrap class loader, injected by the tracker's own code before any test class is loaded
 * (see {@link InjectHooksFirst}), as the real agent does before loading its engine.
 */
public final class TestAgent {

    private static Instrumentation instrumentation;
    private static BootstrapInjection.Outcome hooksInjection;

    private TestAgent() {
    }

    public static synchronized Instrumentation instrumentation() {
        if (instrumentation == null) {
            instrumentation = ByteBuddyAgent.install();
            hooksInjection = BootstrapInjection.ensureInjected(instrumentation, TestAgent.class.getClassLoader(),
                    warning -> {
                        throw new AssertionError(warning);
                    });
        }
        return instrumentation;
    }

    /** How the first injection of the hooks went in this JVM. */
    public static synchronized BootstrapInjection.Outcome hooksInjection() {
        instrumentation();
        return hooksInjection;
    }
}
