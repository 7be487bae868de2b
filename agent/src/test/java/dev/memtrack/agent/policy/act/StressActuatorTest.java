package dev.memtrack.agent.policy.act;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memtrack.agent.policy.rules.ActionSpec;
import dev.memtrack.agent.policy.testing.TestStressGenerator;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import org.junit.jupiter.api.Test;

class StressActuatorTest {

    private static final ActionSpec STOP = ActionSpec.parse("stop-stress");
    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final StressActuator actuator = new StressActuator(server);

    @Test
    void withoutAGeneratorTheActionIsUnavailableNotAnError() {
        assertThat(actuator.options(STOP, Contribution.ALLOCATION)).isEqualTo(Expansion.unavailable(
                "stop-stress simulator:stress", "no stress generator is registered as memtrack:type=Simulator,name=Stress"));
    }

    @Test
    void stopsARunningGeneratorWhichReleasesItsHeapAndUndoRestartsIt() throws Exception {
        try (TestStressGenerator generator = TestStressGenerator.register(server, 64L << 20)) {
            assertThat(actuator.options(STOP, Contribution.ALLOCATION).unavailable())
                    .isEqualTo(Map.of("stop-stress simulator:stress", "the stress generator is not running"));
            generator.start(8, 64, "STEADY");
            awaitRetained(generator);

            Expansion e = actuator.options(STOP, Contribution.ALLOCATION);
            assertThat(e.options()).singleElement().satisfies(o ->
                    assertThat(o.current()).isEqualTo("running STEADY to 8 MiB at 64 MiB/s"));
            Change change = actuator.apply(e.options().get(0));

            assertThat(change.autoRestore()).isFalse();
            assertThat(change.after()).isEqualTo("stopped");
            assertThat(generator.isRunning()).isFalse();
            assertThat(generator.getRetainedBytes()).isZero();

            assertThat(change.reverter().revert()).isEqualTo("running STEADY to 8 MiB at 64 MiB/s");
            assertThat(generator.isRunning()).isTrue();
            assertThat(generator.getStatus().targetBytes()).isEqualTo(8L << 20);

            Change again = actuator.apply(actuator.options(STOP, Contribution.ALLOCATION).options().get(0));
            generator.start(4, 16, "STEADY");
            assertThatThrownBy(() -> again.reverter().revert())
                    .hasMessage("the stress generator was started again by someone else since, left as is");
        }
    }

    private static void awaitRetained(TestStressGenerator g) throws InterruptedException {
        for (int i = 0; i < 200 && g.getRetainedBytes() == 0; i++) {
            Thread.sleep(10);
        }
        assertThat(g.getRetainedBytes()).isPositive();
    }
}
