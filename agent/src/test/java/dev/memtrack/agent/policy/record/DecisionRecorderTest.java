package dev.memtrack.agent.policy.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.memtrack.mbeans.MemtrackDomain;
import dev.memtrack.mbeans.NotificationTypes;
import dev.memtrack.mbeans.PolicyDecision;
import dev.memtrack.mbeans.PolicyMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.management.Notification;
import javax.management.openmbean.CompositeData;
import jdk.jfr.EventType;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionRecorderTest {

    private final List<PolicyDecision> logged = new CopyOnWriteArrayList<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final DecisionRecorder recorder = new DecisionRecorder(3, logged::add, new Warnings(warnings::add));

    @AfterEach
    void close() {
        recorder.close();
    }

    private PolicyDecision decision(String outcome) {
        return decision(recorder.nextId(), outcome);
    }

    private static PolicyDecision decision(long id, String outcome) {
        return new PolicyDecision(id, 1_700_000_000_000L + id, "cpu", "system.cpu.percent", 91.5, 80,
                "reduce-parallelism", "workload:batch", "parallelism=8", "parallelism=4", "ENFORCE", outcome,
                Double.NaN, "system.cpu.percent 91.5 > 80.0 for 5s");
    }

    @Test
    void keepsTheLastNNewestFirstAndAnUpdateReplacesItsDecision() {
        PolicyDecision first = decision("PENDING");
        recorder.publish(first);
        for (int i = 0; i < 3; i++) {
            recorder.publish(decision("ADVISED"));
        }
        assertThat(recorder.recent()).extracting(PolicyDecision::id).containsExactly(4L, 3L, 2L);

        PolicyDecision measured = decision(3, "EFFECTIVE");
        recorder.publish(measured);

        assertThat(recorder.recent()).extracting(PolicyDecision::id).containsExactly(4L, 3L, 2L);
        assertThat(recorder.recent().get(1).outcome()).isEqualTo("EFFECTIVE");
        assertThat(logged).hasSize(5).last().isEqualTo(measured);
    }

    @Test
    void eachDecisionIsANotificationWithItsCompositeData() throws Exception {
        BlockingQueue<Notification> received = new LinkedBlockingQueue<>();
        recorder.emitter().addNotificationListener((n, hb) -> received.add(n), null, null);
        PolicyDecision d = decision("PENDING");

        recorder.publish(d);

        Notification n = received.poll(10, TimeUnit.SECONDS);
        assertThat(n).isNotNull();
        assertThat(n.getType()).isEqualTo(NotificationTypes.POLICY_DECISION);
        assertThat(n.getSource()).isEqualTo(MemtrackDomain.objectName(PolicyMXBean.OBJECT_NAME));
        assertThat(n.getTimeStamp()).isEqualTo(d.timeMillis());
        assertThat(n.getMessage()).isEqualTo("#1 cpu: reduce-parallelism workload:batch parallelism=8 -> parallelism=4 "
                + "(ENFORCE, PENDING): system.cpu.percent 91.5 > 80.0 for 5s");
        assertThat(n.getUserData()).isInstanceOf(CompositeData.class);
        PolicyDecision back = PolicyMXBean.DECISION_TABLE.fromCompositeData((CompositeData) n.getUserData());
        assertThat(back.id()).isEqualTo(d.id());
        assertThat(back.target()).isEqualTo("workload:batch");
        assertThat(back.effect()).isNaN();
    }

    @Test
    void aSlowListenerNeitherStallsTheEngineNorLosesRecentNotifications() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BlockingQueue<Long> received = new LinkedBlockingQueue<>();
        recorder.emitter().addNotificationListener((n, hb) -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            received.add(n.getSequenceNumber());
        }, null, null);

        // Publishing would hang here if it waited for the blocked listener.
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < 50; i++) {
                recorder.publish(decision("ADVISED"));
            }
        });
        assertThat(logged).hasSize(50);
        release.countDown();

        for (int i = 0; i < 50; i++) {
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo(i + 1L);
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void eachDecisionIsAJfrEventInTheMemtrackCategory(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("policy.jfr");
        try (Recording recording = new Recording()) {
            recording.enable(PolicyDecisionEvent.NAME);
            recording.start();
            recorder.publish(decision("PENDING"));
            recorder.publish(decision(1, "EFFECTIVE"));
            recording.stop();
            recording.dump(file);
        }

        List<RecordedEvent> events = RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals(PolicyDecisionEvent.NAME)).toList();
        assertThat(events).hasSize(2);
        RecordedEvent first = events.get(0);
        assertThat(first.getLong("id")).isEqualTo(1);
        assertThat(first.getString("rule")).isEqualTo("cpu");
        assertThat(first.getDouble("value")).isEqualTo(91.5);
        assertThat(first.getString("target")).isEqualTo("workload:batch");
        assertThat(first.getString("before")).isEqualTo("parallelism=8");
        assertThat(first.getString("outcome")).isEqualTo("PENDING");
        assertThat(events.get(1).getString("outcome")).isEqualTo("EFFECTIVE");
        EventType type = first.getEventType();
        assertThat(type.getLabel()).isEqualTo("Policy Decision");
        assertThat(type.getCategoryNames()).containsExactly("memtrack", "Policy");
        assertThat(type.getField("target").getDescription()).isEqualTo("What it was done to, e.g. workload:batch");
    }

    @Test
    void aFailingLogIsWarnedAboutOnceAndNotificationsGoOn() throws Exception {
        DecisionRecorder broken = new DecisionRecorder(10, d -> {
            throw new IllegalStateException("disk full");
        }, new Warnings(warnings::add));
        BlockingQueue<Notification> received = new LinkedBlockingQueue<>();
        broken.emitter().addNotificationListener((n, hb) -> received.add(n), null, null);
        try {
            broken.publish(decision(1, "ADVISED"));
            broken.publish(decision(2, "ADVISED"));

            assertThat(received.poll(10, TimeUnit.SECONDS)).isNotNull();
            assertThat(received.poll(10, TimeUnit.SECONDS)).isNotNull();
            assertThat(broken.recent()).hasSize(2);
            assertThat(warnings).containsExactly(
                    "Policy decisions cannot be written to the log: java.lang.IllegalStateException: disk full");
        } finally {
            broken.close();
        }
    }
}
