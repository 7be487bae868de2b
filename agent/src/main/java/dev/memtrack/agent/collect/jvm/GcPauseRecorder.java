package dev.memtrack.agent.collect.jvm;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.memtrack.mbeans.GcPauses;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * GC pause durations from the JVM's GC notifications, into an HdrHistogram (3 significant digits,
 * milliseconds as the JVM reports them).
 *
 * <p>Only stop-the-world collections count as pauses: notifications of concurrent collectors
 * ({@code G1 Concurrent GC}, {@code ZGC Cycles}, {@code Shenandoah Cycles}) are skipped.
 *
 * <p>Thread-safe for its use: notifications record from the JVM's notification thread (through a
 * {@link Recorder}); {@link #snapshot()} is called from one thread only, the sampler.
 */
public final class GcPauseRecorder {

    private final Recorder recorder = new Recorder(3);
    private final Histogram total = new Histogram(3);
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener;
    private Histogram interval;

    /** @param guard wraps the listener body so that a failure in it disables its subsystem */
    public GcPauseRecorder(Function<Runnable, Runnable> guard) {
        this.listener = (notification, handback) -> guard.apply(() -> record(notification)).run();
    }

    /** Subscribes to every collector that sends notifications. */
    public void start() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    public void stop() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException alreadyRemoved) {
                // nothing to undo
            }
        }
        emitters.clear();
    }

    /** Pause percentiles since start, in ms. */
    public GcPauses snapshot() {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        if (total.getTotalCount() == 0) {
            return new GcPauses(0, 0, 0, 0, 0, 0);
        }
        return new GcPauses(total.getTotalCount(), total.getValueAtPercentile(50), total.getValueAtPercentile(90),
                total.getValueAtPercentile(99), total.getValueAtPercentile(99.9), total.getMaxValue());
    }

    private void record(Notification notification) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        if (isPause(info.getGcName())) {
            recorder.recordValue(Math.max(0, info.getGcInfo().getDuration()));
        }
    }

    static boolean isPause(String collectorName) {
        String name = collectorName.toLowerCase(Locale.ROOT);
        return !name.contains("concurrent") && !name.contains("cycles");
    }
}
