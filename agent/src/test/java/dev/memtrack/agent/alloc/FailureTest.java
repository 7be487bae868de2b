package dev.memtrack.agent.alloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memtrack.agent.bootstrap.AllocationHooks;
import dev.memtrack.mbeans.AllocationMode;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Failures inside the tracker never reach the application: it switches itself off and says why. */
class FailureTest {

    @Test
    void anInternalErrorSwitchesTrackingOffAndSaysWhyToItsOwner() {
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (AllocationTracker tracker = AllocationTracker.start(TestAgent.instrumentation(), AllocationSettings
                .defaults().withMode(AllocationMode.EXACT).withIntervalBytes(1024)
                .withInclude(List.of(WorkloadLoader.WORKLOAD_PACKAGE + "*")), warnings::add)) {
            // A site id the registry never handed out (as corrupted bytecode would pass): the first
            // sample cannot describe it and throws inside the recorder.
            for (int i = 0; i < 1000; i++) {
                AllocationHooks.newArray(100, Integer.MAX_VALUE - 1, 16 | 2 << 8);
            }
            assertThat(tracker.mbean().getMode()).isEqualTo(AllocationMode.OFF);
            assertThat(AllocationHooks.installed()).isNull();
            assertThat(tracker.problem()).startsWith("stopped after an internal error: java.lang.IllegalArgumentException");
            assertThat(tracker.summary().problem()).isEqualTo(tracker.problem());
            assertThat(tracker.snapshotNow().sites()).extracting(r -> r.site())
                    .contains("(unknown site " + (Integer.MAX_VALUE - 1) + ")");
            // Not logged from the application's thread: the owner (the agent's subsystem) reports problem().
            assertThat(warnings).isEmpty();

            tracker.mbean().setMode(AllocationMode.EXACT);
            assertThat(tracker.problem()).isEmpty();
            assertThat(AllocationHooks.installed()).isNotNull();
        }
    }

    @Test
    void refusesAnInstrumentationThatCannotRetransform() {
        Instrumentation real = TestAgent.instrumentation();
        Instrumentation noRetransform = (Instrumentation) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Instrumentation.class}, (proxy, method, args) ->
                        method.getName().equals("isRetransformClassesSupported") ? false : method.invoke(real, args));
        assertThatThrownBy(() -> AllocationTracker.start(noRetransform, AllocationSettings.defaults(), w -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Allocation tracking needs an agent that can retransform classes "
                        + "(Can-Retransform-Classes: true in the agent jar's manifest)");
        // Nothing was left behind: a proper start works.
        AllocationTracker.start(real, AllocationSettings.defaults().withInclude(List.of("none.*")), w -> { }).close();
    }
}
