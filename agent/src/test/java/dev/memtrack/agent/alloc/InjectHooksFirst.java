package dev.memtrack.agent.alloc;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Runs before JUnit discovers (and so loads) any test class: injects the allocation hooks into
 * the bootstrap class path first, so the application class loader never defines its own copies
 * of {@code dev.memtrack.agent.bootstrap} from {@code target/classes}.
 */
public final class InjectHooksFirst implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        TestAgent.instrumentation();
    }
}
