package dev.memtrack.agent.jmx.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.agent.core.AgentThreads;
import dev.memtrack.agent.testing.Await;
import dev.memtrack.mbeans.NotificationTypes;
import dev.memtrack.mbeans.StressSimulatorMXBean;
import dev.memtrack.simulator.stress.MemoryStressGenerator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StressSimulatorBeanTest {

    private static final long MIB = 1024 * 1024;

    private final MemoryStressGenerator generator =
            new MemoryStressGenerator(64 * MIB, AgentThreads.factory("memtrack-stress-test"));
    private final NotificationBroadcasterSupport emitter =
            new NotificationBroadcasterSupport(StressSimulatorBean.NOTIFICATIONS);
    private final StressSimulatorBean implementation = new StressSimulatorBean(generator, 10, emitter);
    private final RegisteredBean bean = new RegisteredBean(StressSimulatorMXBean.OBJECT_NAME, implementation,
            StressSimulatorMXBean.class, emitter, StressSimulatorBean.NOTIFICATIONS);
    private final List<Notification> received = new CopyOnWriteArrayList<>();

    StressSimulatorBeanTest() throws Exception {
        bean.server.addNotificationListener(bean.name, (n, handback) -> received.add(n), null, null);
    }

    @AfterEach
    void stopGenerator() {
        generator.stop();
    }

    @Test
    void idleBeforeTheFirstStart() {
        assertThat(bean.attribute("Running")).isEqualTo(false);
        assertThat(bean.attribute("RetainedBytes")).isEqualTo(0L);
        assertThat(bean.attribute("CapBytes")).isEqualTo(64 * MIB);
        CompositeData status = (CompositeData) bean.attribute("Status");
        assertThat(status.get("pattern")).isEqualTo("");
        assertThat(status.get("phase")).isEqualTo("IDLE");
        assertThat(bean.attribute("Patterns")).isEqualTo(new String[] {"STEADY", "RAMP", "SPIKE", "SAWTOOTH"});
        bean.invoke("stop");
        implementation.watch();
        assertThat(received).isEmpty();
    }

    @Test
    void runRetainsTheTargetNotifiesAndReleasesOnStop() {
        bean.invoke("start", 8, 64, "steady");
        assertThat(bean.attribute("Running")).isEqualTo(true);
        Await.until("8 MiB retained", () -> (Long) bean.attribute("RetainedBytes") == 8 * MIB);
        implementation.watch();
        implementation.watch();
        CompositeData running = (CompositeData) bean.attribute("Status");
        assertThat(running.get("pattern")).isEqualTo("STEADY");
        assertThat(running.get("targetBytes")).isEqualTo(8 * MIB);
        assertThat(running.get("rateBytesPerSecond")).isEqualTo(64 * MIB);
        assertThat((Long) bean.attribute("AllocatedBytes")).isGreaterThanOrEqualTo(8 * MIB);

        bean.invoke("stop");
        assertThat(bean.attribute("RetainedBytes")).isEqualTo(0L);
        assertThat(bean.attribute("Running")).isEqualTo(false);

        assertThat(received).extracting(Notification::getType).containsOnly(NotificationTypes.STRESS_STATE);
        assertThat(received).extracting(Notification::getMessage).satisfiesExactly(
                m -> assertThat(m).isEqualTo("STEADY run started: target 8 MiB at 64 MiB/s"),
                m -> assertThat(m).startsWith("target reached"),
                m -> assertThat(m).isEqualTo("stopped: memory released"));
        assertThat(received).extracting(n -> n.getSource().toString()).containsOnly(StressSimulatorMXBean.OBJECT_NAME);
        CompositeData started = (CompositeData) received.get(0).getUserData();
        assertThat(started.get("running")).isEqualTo(true);
        assertThat(started.get("capBytes")).isEqualTo(64 * MIB);
        assertThat(((CompositeData) received.get(1).getUserData()).get("retainedBytes")).isEqualTo(8 * MIB);
        CompositeData stopped = (CompositeData) received.get(2).getUserData();
        assertThat(stopped.get("running")).isEqualTo(false);
        assertThat(stopped.get("retainedBytes")).isEqualTo(0L);
        assertThat(stopped.getCompositeType()).isEqualTo(((CompositeData) bean.attribute("Status")).getCompositeType());
    }

    @Test
    void sawtoothReportsItsTargetOnceEvenThoughItReleasesAndRefills() {
        bean.invoke("start", 2, 256, "SAWTOOTH");
        long firstAllocated = generator.allocatedBytes();
        Await.until("four sawtooth fills", () -> generator.allocatedBytes() - firstAllocated >= 8 * MIB);
        implementation.watch();
        implementation.watch();

        assertThat(received).extracting(Notification::getMessage).filteredOn(m -> m.startsWith("target reached"))
                .hasSize(1);
    }

    @Test
    void restartReplacesTheRunningOne() {
        bean.invoke("start", 4, 64, "STEADY");
        bean.invoke("start", 2, 64, "RAMP");
        Await.until("2 MiB retained", () -> (Long) bean.attribute("RetainedBytes") == 2 * MIB);
        assertThat(((CompositeData) bean.attribute("Status")).get("pattern")).isEqualTo("RAMP");
        assertThat(received).extracting(Notification::getMessage)
                .containsExactly("STEADY run started: target 4 MiB at 64 MiB/s", "RAMP run started: target 2 MiB at 64 MiB/s");
    }

    @Test
    void aTargetAboveTheCapIsRefusedNamingTargetAndCap() {
        assertThat(bean.refusal("start", 65, 64, "STEADY")).isEqualTo("targetMb 65 exceeds the safety cap of 64 MiB "
                + "(67108864 bytes, 10% of the maximum heap, stress.capPercent): accepted 1 to 64");
        assertThat(bean.attribute("Running")).isEqualTo(false);
        assertThat(received).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "0|64|STEADY|targetMb 0 is not accepted: accepted 1 to 64",
        "-1|64|STEADY|targetMb -1 is not accepted: accepted 1 to 64",
        "2147483647|64|STEADY|targetMb 2147483647 exceeds the safety cap of 64 MiB",
        "8|0|STEADY|rateMb 0 is not accepted: accepted 1 to 102400",
        "8|2147483647|STEADY|rateMb 2147483647 is not accepted: accepted 1 to 102400",
        "8|64|WAVE|unknown pattern 'WAVE': accepted STEADY, RAMP, SPIKE, SAWTOOTH",
        "8|64|null|unknown pattern null: accepted STEADY, RAMP, SPIKE, SAWTOOTH",
        "8|64|''|unknown pattern '': accepted STEADY"})
    void badArgumentsAreRefused(int targetMb, int rateMb, String pattern, String message) {
        assertThat(bean.refusal("start", targetMb, rateMb, pattern)).contains(message);
        assertThat(generator.isRunning()).isFalse();
    }

    @Test
    void mbeanInfoAnnouncesTheNotification() throws Exception {
        MBeanNotificationInfo[] infos = bean.server.getMBeanInfo(bean.name).getNotifications();
        assertThat(infos).singleElement().satisfies(i -> assertThat(i.getNotifTypes())
                .containsExactly(NotificationTypes.STRESS_STATE));
    }
}
