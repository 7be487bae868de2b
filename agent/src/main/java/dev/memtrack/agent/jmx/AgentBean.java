package dev.memtrack.agent.jmx;

import dev.memtrack.agent.config.AgentConfig;
import dev.memtrack.agent.config.ConfigKey;
import dev.memtrack.agent.core.AgentInfo;
import dev.memtrack.agent.core.InstrumentationFailures;
import dev.memtrack.mbeans.AgentMXBean;
import dev.memtrack.mbeans.MemtrackDomain;
import dev.memtrack.mbeans.NotificationTypes;
import dev.memtrack.mbeans.SubsystemStatus;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;

/**
 * {@code memtrack:type=Agent}: version, configuration in effect, subsystem states, instrumentation
 * failures; sends a {@value NotificationTypes#SUBSYSTEM_STATE} notification on each state change.
 */
public final class AgentBean implements AgentMXBean {

    /** The notifications this bean sends. */
    public static final MBeanNotificationInfo[] NOTIFICATIONS = {
        new MBeanNotificationInfo(new String[] {NotificationTypes.SUBSYSTEM_STATE}, Notification.class.getName(),
                "A subsystem of the agent changed state; user data: its SubsystemStatus")
    };

    private static final ObjectName NAME = MemtrackDomain.objectName(OBJECT_NAME);

    private final AgentInfo info;
    private final AgentConfig config;
    private final Supplier<List<SubsystemStatus>> subsystems;
    private final InstrumentationFailures failures;
    private final NotificationBroadcasterSupport emitter;
    private final AtomicLong sequence = new AtomicLong();

    public AgentBean(AgentInfo info, AgentConfig config, Supplier<List<SubsystemStatus>> subsystems,
                     InstrumentationFailures failures, NotificationBroadcasterSupport emitter) {
        this.info = info;
        this.config = config;
        this.subsystems = subsystems;
        this.failures = failures;
        this.emitter = emitter;
    }

    /** Sends the state change as a notification. */
    public void subsystemChanged(SubsystemStatus status) {
        Notification n = new Notification(NotificationTypes.SUBSYSTEM_STATE, NAME, sequence.incrementAndGet(),
                status.sinceMillis(), status.name() + " is " + status.state()
                + (status.reason().isEmpty() ? "" : ": " + status.reason()));
        n.setUserData(SUBSYSTEM_TABLE.toCompositeData(status));
        emitter.sendNotification(n);
    }

    @Override
    public String getVersion() {
        return info.version();
    }

    @Override
    public String getJavaVersion() {
        return System.getProperty("java.runtime.version", "unknown");
    }

    @Override
    public String getStartMode() {
        return info.startMode();
    }

    @Override
    public long getStartTimeMillis() {
        return info.startTimeMillis();
    }

    @Override
    public long getUptimeMillis() {
        return System.currentTimeMillis() - info.startTimeMillis();
    }

    @Override
    public long getSamplingIntervalMillis() {
        return config.duration(ConfigKey.INTERVAL).toMillis();
    }

    @Override
    public String getJolokiaUrl() {
        return info.jolokiaUrl().orElse("");
    }

    @Override
    public TabularData getConfiguration() {
        return CONFIGURATION_TABLE.toTabularData(config.entries());
    }

    @Override
    public TabularData getSubsystems() {
        return SUBSYSTEM_TABLE.toTabularData(subsystems.get());
    }

    @Override
    public TabularData getInstrumentationFailures() {
        return INSTRUMENTATION_FAILURE_TABLE.toTabularData(failures.rows());
    }
}
