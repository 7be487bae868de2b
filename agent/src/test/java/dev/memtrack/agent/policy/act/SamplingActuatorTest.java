package dev.memtrack.agent.policy.act;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memtrack.agent.policy.rules.ActionSpec;
import dev.memtrack.agent.policy.testing.TestAllocationTracker;
import dev.memtrack.mbeans.AllocationMode;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import org.junit.jupiter.api.Test;

class SamplingActuatorTest {

    private static final ActionSpec SAMPLE_LESS = ActionSpec.parse("sample-less");
    private static final String KEY = "sample-less agent:sampling";
    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final SamplingActuator actuator = new SamplingActuator(server);

    @Test
    void withoutTheTrackerTheActionIsUnavailable() {
        assertThat(actuator.options(SAMPLE_LESS, Contribution.CPU).unavailable())
                .containsEntry(KEY, "allocation tracking is not running (no memtrack:type=Allocations)");
    }

    @Test
    void exactBecomesSampledAndUndoMakesItExactAgain() throws Exception {
        TestAllocationTracker tracker = TestAllocationTracker.register(server, AllocationMode.EXACT, 512 * 1024);

        Change change = actuator.apply(actuator.options(SAMPLE_LESS, Contribution.CPU).options().get(0));

        assertThat(change.before()).isEqualTo("mode=EXACT");
        assertThat(change.after()).isEqualTo("mode=SAMPLED, interval=524288 bytes");
        assertThat(tracker.getMode()).isEqualTo(AllocationMode.SAMPLED);
        assertThat(change.reverter().revert()).isEqualTo("mode=EXACT");
        assertThat(tracker.getMode()).isEqualTo(AllocationMode.EXACT);
    }

    @Test
    void sampledTakesFourTimesFewerSamplesUpToOneGibibyte() throws Exception {
        TestAllocationTracker tracker = TestAllocationTracker.register(server, AllocationMode.SAMPLED, 512L << 20);

        Change first = actuator.apply(actuator.options(SAMPLE_LESS, Contribution.CPU).options().get(0));
        assertThat(tracker.getSamplingIntervalBytes()).isEqualTo(1L << 30);
        assertThat(actuator.options(SAMPLE_LESS, Contribution.CPU).unavailable()).containsEntry(KEY,
                "allocation sampling interval is already 1073741824 bytes, the longest");

        assertThat(first.reverter().revert()).isEqualTo("mode=SAMPLED, interval=536870912 bytes");
        Change second = actuator.apply(actuator.options(SAMPLE_LESS, Contribution.CPU).options().get(0));
        tracker.setSamplingIntervalBytes(4096);
        assertThatThrownBy(() -> second.reverter().revert()).hasMessage("allocation sampling interval is 4096 bytes, "
                + "not the 1073741824 the policy set: changed by someone else since, left as is");

        tracker.setMode(AllocationMode.OFF);
        assertThat(actuator.options(SAMPLE_LESS, Contribution.CPU).unavailable())
                .containsEntry(KEY, "allocation tracking is OFF");
    }
}
