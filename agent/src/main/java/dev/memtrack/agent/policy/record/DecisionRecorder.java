package dev.memtrack.agent.policy.record;

import dev.memtrack.mbeans.MemtrackDomain;
import dev.memtrack.mbeans.NotificationTypes;
import dev.memtrack.mbeans.PolicyDecision;
import dev.memtrack.mbeans.PolicyMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.NotificationEmitter;
import javax.management.ObjectName;

/**
 * Keeps the last N decisions and publishes each decision, when made and again when its outcome is
 * known (same id), to: the Policy MBean's listeners as a {@link NotificationTypes#POLICY_DECISION}
 * notification whose user data is the decision's CompositeData; JDK Flight Recorder as a
 * {@link PolicyDecisionEvent}; and the agent's JSON Lines log through a consumer.
 *
 * <p>Listeners are called on a separate daemon thread with a bounded queue: a slow listener delays
 * only its own notifications, and when it falls 1000 behind, the oldest are dropped (with one warning)
 * instead of the engine stalling or memory growing. Thread-safe.
 */
public final class DecisionRecorder implements AutoCloseable {

    private static final ObjectName SOURCE = MemtrackDomain.objectName(PolicyMXBean.OBJECT_NAME);
    private static final int QUEUE = 1000;

    private final int capacity;
    private final Consumer<PolicyDecision> log;
    private final Warnings warnings;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    private final Map<Long, PolicyDecision> kept = new LinkedHashMap<>();
    private final ThreadPoolExecutor listenerThread;
    private final NotificationBroadcasterSupport broadcaster;
    private volatile List<PolicyDecision> newestFirst = List.of();

    /**
     * @param capacity how many recent decisions to keep
     * @param log      receives every published decision (the JSON Lines log)
     */
    public DecisionRecorder(int capacity, Consumer<PolicyDecision> log, Warnings warnings) {
        this.capacity = capacity;
        this.log = log;
        this.warnings = warnings;
        this.listenerThread = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                r -> {
                    Thread t = new Thread(r, "memtrack-policy-notifications");
                    t.setDaemon(true);
                    t.setContextClassLoader(DecisionRecorder.class.getClassLoader());
                    return t;
                },
                (task, pool) -> warnings.warn("policy.notifications.dropped",
                        "Policy notifications are being dropped: a JMX listener is too slow to keep up"));
        listenerThread.allowCoreThreadTimeOut(true);
        this.broadcaster = new NotificationBroadcasterSupport(listenerThread, notificationInfo());
    }

    /** The notifications the Policy MBean sends. */
    public static MBeanNotificationInfo[] notificationInfo() {
        return new MBeanNotificationInfo[] {new MBeanNotificationInfo(
                new String[] {NotificationTypes.POLICY_DECISION}, Notification.class.getName(),
                "A decision of the policy engine, when made and when its outcome is measured; user data: "
                        + "the decision as CompositeData (" + PolicyDecision.class.getSimpleName() + ")")};
    }

    /** The id for the next decision; increasing. */
    public long nextId() {
        return ids.incrementAndGet();
    }

    /** Publishes a new decision, or a newer version of a kept one (same id). */
    public void publish(PolicyDecision decision) {
        synchronized (kept) {
            kept.put(decision.id(), decision);
            while (kept.size() > capacity) {
                kept.remove(kept.keySet().iterator().next());
            }
            List<PolicyDecision> list = new ArrayList<>(kept.values());
            Collections.reverse(list);
            newestFirst = List.copyOf(list);
        }
        notifyListeners(decision);
        try {
            PolicyDecisionEvent.emit(decision);
        } catch (RuntimeException | LinkageError e) {
            warnings.warn("policy.jfr", "Policy decisions cannot be recorded in JFR: " + e);
        }
        try {
            log.accept(decision);
        } catch (RuntimeException e) {
            warnings.warn("policy.log", "Policy decisions cannot be written to the log: " + e);
        }
    }

    /** The kept decisions, newest first. */
    public List<PolicyDecision> recent() {
        return newestFirst;
    }

    /** The emitter behind the Policy MBean's notifications. */
    public NotificationEmitter emitter() {
        return broadcaster;
    }

    @Override
    public void close() {
        listenerThread.shutdown();
    }

    private void notifyListeners(PolicyDecision d) {
        try {
            Notification n = new Notification(NotificationTypes.POLICY_DECISION, SOURCE, sequence.incrementAndGet(),
                    d.timeMillis(), summary(d));
            n.setUserData(PolicyMXBean.DECISION_TABLE.toCompositeData(d));
            broadcaster.sendNotification(n);
        } catch (RuntimeException e) {
            warnings.warn("policy.notify", "Policy notifications cannot be sent: " + e);
        }
    }

    /** One line a console shows, e.g. {@code #12 cpu: reduce-parallelism workload:batch parallelism=8 -> 4 ...}. */
    static String summary(PolicyDecision d) {
        return "#" + d.id() + " " + d.rule() + ": " + d.action() + " " + d.target() + " " + d.before() + " -> "
                + d.after() + " (" + d.mode() + ", " + d.outcome() + ")" + (d.message().isEmpty() ? "" : ": "
                + d.message());
    }
}
