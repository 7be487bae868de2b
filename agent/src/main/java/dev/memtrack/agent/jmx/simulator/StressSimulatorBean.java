package dev.memtrack.agent.jmx.simulator;

import dev.memtrack.mbeans.MemtrackDomain;
import dev.memtrack.mbeans.NotificationTypes;
import dev.memtrack.mbeans.RecordTable;
import dev.memtrack.mbeans.StressSimulatorMXBean;
import dev.memtrack.mbeans.StressStatus;
import dev.memtrack.simulator.stress.MemoryStressGenerator;
import dev.memtrack.simulator.stress.StressPattern;
import dev.memtrack.simulator.stress.StressSnapshot;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;

/**
 * {@code memtrack:type=Simulator,name=Stress}: the library's {@link MemoryStressGenerator}, allocating
 * real heap in this JVM, behind the MBean contract. Targets above the safety cap (a share of the
 * maximum heap, {@code stress.capPercent}) are refused.
 *
 * <p>Sends a {@value NotificationTypes#STRESS_STATE} notification, with the {@link StressStatus} as
 * user data, when a run starts, when it first reaches its target (once per run, also for the
 * patterns that then release and refill), and when it stops (by {@code stop}, or by itself after an
 * out-of-memory error). Start and stop notify at once; reaching the target and stopping by itself
 * are seen by {@link #watch()}, which the owner calls periodically.
 *
 * <p>Thread-safe: start, stop and watch hold this object's lock; the status getters read the
 * generator's published fields.
 */
public final class StressSimulatorBean implements StressSimulatorMXBean {

    /** The notifications this bean sends. */
    public static final MBeanNotificationInfo[] NOTIFICATIONS = {
        new MBeanNotificationInfo(new String[] {NotificationTypes.STRESS_STATE}, Notification.class.getName(),
                "The stress generator started, reached its target, or stopped; user data: its StressStatus")
    };

    /** Highest allocation rate accepted, MiB/s: far above what a JVM can allocate and touch. */
    public static final int MAX_RATE_MB = 102_400;

    private static final long MIB = 1024 * 1024;
    private static final ObjectName NAME = MemtrackDomain.objectName(OBJECT_NAME);
    // Maps a status to the CompositeData of the notifications (the same type the Status attribute has).
    private static final RecordTable<StressStatus> STATUS =
            RecordTable.of(StressStatus.class, "State of the memory-stress generator", "pattern");

    private final MemoryStressGenerator generator;
    private final int capPercent;
    private final NotificationBroadcasterSupport emitter;
    private final AtomicLong sequence = new AtomicLong();

    // Guarded by this: the run being watched, if any.
    private boolean watching;
    private boolean targetReported;
    private long allocatedBeforeRun;

    /**
     * @param generator  the generator, capped at {@code capPercent} of the maximum heap
     * @param capPercent the cap in percent of the maximum heap, for messages
     * @param emitter    where notifications go (from the agent's registrar)
     */
    public StressSimulatorBean(MemoryStressGenerator generator, int capPercent,
                               NotificationBroadcasterSupport emitter) {
        this.generator = generator;
        this.capPercent = capPercent;
        this.emitter = emitter;
    }

    @Override
    public String[] getPatterns() {
        return Arrays.stream(StressPattern.values()).map(Enum::name).toArray(String[]::new);
    }

    @Override
    public synchronized void start(int targetMb, int rateMb, String pattern) {
        StressPattern chosen = Arguments.choice(StressPattern.class, "pattern", pattern);
        long capMb = generator.capBytes() / MIB;
        String cap = "the safety cap of " + capMb + " MiB (" + generator.capBytes() + " bytes, " + capPercent
                + "% of the maximum heap, stress.capPercent)";
        if (capMb == 0) {
            throw new IllegalArgumentException("targetMb " + targetMb + " is not accepted: " + cap
                    + " is below 1 MiB; raise stress.capPercent or the maximum heap");
        }
        if (targetMb > capMb) {
            throw new IllegalArgumentException("targetMb " + targetMb + " exceeds " + cap + ": accepted 1 to " + capMb);
        }
        if (targetMb <= 0) {
            throw new IllegalArgumentException("targetMb " + targetMb + " is not accepted: accepted 1 to " + capMb
                    + " (" + cap + ")");
        }
        Arguments.inRange(rateMb, "rateMb", 1, MAX_RATE_MB);
        // Stop first, so that the previous run's allocations are counted before the baseline is read.
        generator.stop();
        allocatedBeforeRun = generator.allocatedBytes();
        generator.start(targetMb * MIB, rateMb * MIB, chosen);
        watching = true;
        targetReported = false;
        send(chosen + " run started: target " + targetMb + " MiB at " + rateMb + " MiB/s");
    }

    @Override
    public synchronized void stop() {
        generator.stop();
        if (watching) {
            watching = false;
            send("stopped: memory released");
        }
    }

    /** Reports a run that reached its target or stopped by itself since the last call. Cheap when idle. */
    public synchronized void watch() {
        if (!watching) {
            return;
        }
        StressSnapshot s = generator.status();
        // Every pattern first fills from nothing without releasing: the target is reached once the run
        // has allocated as much as the target.
        if (!targetReported && s.allocatedBytes() - allocatedBeforeRun >= s.targetBytes()) {
            targetReported = true;
            send("target reached: " + s.retainedBytes() + " bytes retained");
        }
        if (!s.running()) {
            watching = false;
            send("stopped by itself" + (s.failure().isEmpty() ? "" : ": " + s.failure()));
        }
    }

    @Override
    public boolean isRunning() {
        return generator.isRunning();
    }

    @Override
    public StressStatus getStatus() {
        StressSnapshot s = generator.status();
        return new StressStatus(s.running(), s.pattern() == null ? "" : s.pattern().name(), s.phase().name(),
                s.targetBytes(), s.rateBytesPerSecond(), s.retainedBytes(), s.allocatedBytes(), s.capBytes());
    }

    @Override
    public long getRetainedBytes() {
        return generator.retainedBytes();
    }

    @Override
    public long getAllocatedBytes() {
        return generator.allocatedBytes();
    }

    @Override
    public long getCapBytes() {
        return generator.capBytes();
    }

    private void send(String message) {
        Notification n = new Notification(NotificationTypes.STRESS_STATE, NAME, sequence.incrementAndGet(),
                System.currentTimeMillis(), message);
        n.setUserData(STATUS.toCompositeData(getStatus()));
        emitter.sendNotification(n);
    }
}
