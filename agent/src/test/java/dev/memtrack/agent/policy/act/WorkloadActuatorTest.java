package dev.memtrack.agent.policy.act;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memtrack.agent.policy.rules.ActionSpec;
import dev.memtrack.agent.policy.rules.ActionVerb;
import dev.memtrack.agent.policy.testing.TestWorkload;
import dev.memtrack.mbeans.MemtrackDomain;
import dev.memtrack.mbeans.Priority;
import dev.memtrack.mbeans.WorkloadMXBean;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.stream.Collectors;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.StandardMBean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real programs with real worker threads, registered in a real MBeanServer. */
class WorkloadActuatorTest {

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final WorkloadActuator actuator = new WorkloadActuator(server);
    private TestWorkload front;
    private TestWorkload batch;
    private TestWorkload index;
    private TestWorkload reports;

    @BeforeEach
    void startPrograms() throws Exception {
        front = TestWorkload.register(server, "front", Priority.CRITICAL, 2, 1024);
        batch = TestWorkload.register(server, "batch", Priority.BACKGROUND, 4, 64 * 1024);
        index = TestWorkload.register(server, "index", Priority.BACKGROUND, 2, 1024);
        reports = TestWorkload.register(server, "reports", Priority.NORMAL, 2, 1024);
    }

    @AfterEach
    void stopPrograms() throws Exception {
        for (TestWorkload w : new TestWorkload[] {front, batch, index, reports}) {
            w.close();
        }
    }

    @Test
    void offersNonCriticalProgramsBackgroundFirstAndNeverCriticalOnes() throws Exception {
        Thread.sleep(200); // let the programs allocate, so their rates are measured over real work
        Expansion e = actuator.options(ActionSpec.parse("reduce-parallelism(non-critical)"), Contribution.ALLOCATION);

        Map<String, ActionOption> byTarget = e.options().stream()
                .collect(Collectors.toMap(o -> o.target().toString(), o -> o));
        assertThat(byTarget).containsOnlyKeys("workload:batch", "workload:index", "workload:reports");
        assertThat(byTarget.get("workload:batch").tier()).isZero();
        assertThat(byTarget.get("workload:index").tier()).isZero();
        assertThat(byTarget.get("workload:reports").tier()).isEqualTo(1);
        assertThat(byTarget.get("workload:batch").contribution())
                .isGreaterThan(byTarget.get("workload:index").contribution());
        assertThat(byTarget.get("workload:batch").current()).isEqualTo("parallelism=4");
        assertThat(byTarget.get("workload:batch").proposed()).isEqualTo("parallelism=2");
    }

    @Test
    void namedCriticalOrAbsentProgramsAreUnavailableWithTheReason() {
        assertThat(actuator.options(ActionSpec.parse("pause(workload:front)"), Contribution.CPU).unavailable())
                .containsEntry("pause workload:front", "workload:front is CRITICAL: never throttled");
        Expansion ghost = actuator.options(ActionSpec.parse("pause(workload:ghost)"), Contribution.CPU);
        assertThat(ghost.options()).isEmpty();
        assertThat(ghost.unavailable()).containsEntry("pause(workload:ghost)",
                "no workload program registered as memtrack:type=Workload,name=ghost");
    }

    @Test
    void halvingParallelismReallyStopsThreadsAndUndoStartsThemAgain() throws Exception {
        ActionOption option = option("reduce-parallelism(workload:batch)");

        Change change = actuator.apply(option);

        assertThat(change.before()).isEqualTo("parallelism=4");
        assertThat(change.after()).isEqualTo("parallelism=2");
        assertThat(change.autoRestore()).isTrue();
        assertThat(batch.getParallelism()).isEqualTo(2);
        assertThat(batch.liveThreads()).isEqualTo(2);

        assertThat(change.reverter().revert()).isEqualTo("parallelism=4");
        assertThat(batch.liveThreads()).isEqualTo(4);
        assertThat(front.getParallelism()).isEqualTo(2);
    }

    @Test
    void pauseStopsTheProgramsTasksAndUndoResumesThem() throws Exception {
        Change change = actuator.apply(option("pause(workload:index)"));

        assertThat(change.after()).isEqualTo("paused=true");
        assertThat(index.isPaused()).isTrue();
        long done = index.getCompletedTasks();
        Thread.sleep(200);
        assertThat(index.getCompletedTasks()).isEqualTo(done);

        assertThat(change.reverter().revert()).isEqualTo("paused=false");
        awaitMoreTasksThan(index, done);
    }

    @Test
    void undoLeavesASettingThatSomeoneElseChangedSince() throws Exception {
        Change change = actuator.apply(option("reduce-parallelism(workload:batch)"));
        batch.setParallelism(3);

        assertThatThrownBy(() -> change.reverter().revert()).isInstanceOf(ActuatorException.class)
                .hasMessage("workload:batch has parallelism=3, not the 2 the policy set: changed by someone else "
                        + "since, left as is");
        assertThat(batch.getParallelism()).isEqualTo(3);
    }

    @Test
    void refusesAProgramThatBecameCriticalOrWentAway() throws Exception {
        ActionOption option = option("reduce-parallelism(workload:batch)");
        batch.setPriority(Priority.CRITICAL);
        assertThatThrownBy(() -> actuator.apply(option)).hasMessage("workload:batch is CRITICAL now: never throttled");
        assertThat(batch.getParallelism()).isEqualTo(4);

        Change change = actuator.apply(option("pause(workload:reports)"));
        server.unregisterMBean(MemtrackDomain.workload("reports"));
        assertThatThrownBy(() -> change.reverter().revert()).hasMessage("workload:reports is no longer registered");
    }

    @Test
    void aProgramAtParallelismOneOffersNothingMore() {
        batch.setParallelism(1);

        Expansion e = actuator.options(ActionSpec.parse("reduce-parallelism(background)"), Contribution.CPU);

        assertThat(e.options()).extracting(o -> o.target().toString()).containsExactly("workload:index");
        assertThat(e.unavailable())
                .containsEntry("reduce-parallelism workload:batch", "workload:batch is already at parallelism 1");
    }

    @Test
    void aBrokenProgramIsReportedAndDoesNotHideTheOthers() throws Exception {
        WorkloadMXBean broken = (WorkloadMXBean) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {WorkloadMXBean.class}, (p, m, a) -> {
                    throw new IllegalStateException("program is wedged");
                });
        server.registerMBean(new StandardMBean(broken, WorkloadMXBean.class, true), MemtrackDomain.workload("wedged"));

        Expansion e = actuator.options(ActionSpec.parse("pause(background)"), Contribution.CPU);

        assertThat(e.options()).extracting(o -> o.target().toString())
                .containsExactlyInAnyOrder("workload:batch", "workload:index");
        assertThat(e.unavailable()).containsEntry("workload:wedged",
                "reading Priority of memtrack:type=Workload,name=wedged failed: program is wedged");
    }

    private ActionOption option(String action) {
        Expansion e = actuator.options(ActionSpec.parse(action), Contribution.CPU);
        assertThat(e.options()).as("options of %s: %s", action, e.unavailable()).hasSize(1);
        assertThat(e.options().get(0).verb()).isIn(ActionVerb.REDUCE_PARALLELISM, ActionVerb.PAUSE);
        return e.options().get(0);
    }

    private static void awaitMoreTasksThan(TestWorkload w, long count) throws InterruptedException {
        for (int i = 0; i < 200 && w.getCompletedTasks() <= count; i++) {
            Thread.sleep(50);
        }
        assertThat(w.getCompletedTasks()).isGreaterThan(count);
    }
}
