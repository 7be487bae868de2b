package dev.memtrack.agent.core;

import dev.memtrack.mbeans.DescribedMBean;
import dev.memtrack.mbeans.MemtrackDomain;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import javax.management.JMException;
import javax.management.MBeanNotificationInfo;
import javax.management.MBeanServer;
import javax.management.NotificationBroadcasterSupport;
import javax.management.NotificationEmitter;
import javax.management.ObjectName;

/**
 * Registers MBeans of one owner in the platform MBeanServer as {@link DescribedMBean}s (descriptions
 * and units from the interface annotations) and unregisters them all on {@link #unregisterAll()}.
 *
 * <p>Thread-safe.
 */
public final class MBeanRegistrar {

    private final MBeanServer server;
    private final Executor notificationExecutor;
    private final List<ObjectName> registered = new CopyOnWriteArrayList<>();

    public MBeanRegistrar(MBeanServer server, Executor notificationExecutor) {
        this.server = server;
        this.notificationExecutor = notificationExecutor;
    }

    /** The MBeanServer it registers in; for subsystems that act on other MBeans there (the policy). */
    public MBeanServer server() {
        return server;
    }

    /** Registers an MBean that sends no notifications. */
    public <T> void register(String objectName, T implementation, Class<T> mxbeanInterface) throws JMException {
        register(objectName, implementation, mxbeanInterface, null);
    }

    /**
     * @param objectName      one of the {@code OBJECT_NAME} constants of the contract
     * @param emitter         from {@link #newEmitter}; {@code null} if the bean sends no notifications
     * @param notifications   what it may send
     */
    public <T> void register(String objectName, T implementation, Class<T> mxbeanInterface,
                             NotificationEmitter emitter, MBeanNotificationInfo... notifications)
            throws JMException {
        ObjectName name = MemtrackDomain.objectName(objectName);
        server.registerMBean(new DescribedMBean<>(implementation, mxbeanInterface, emitter, notifications), name);
        registered.add(name);
    }

    /** An emitter that delivers to listeners on the agent's notification thread, never on the caller's. */
    public NotificationBroadcasterSupport newEmitter(MBeanNotificationInfo... notifications) {
        return new NotificationBroadcasterSupport(notificationExecutor, notifications);
    }

    /** Unregisters everything this registrar registered; never throws. */
    public void unregisterAll() {
        for (ObjectName name : registered) {
            try {
                server.unregisterMBean(name);
            } catch (JMException | RuntimeException alreadyGone) {
                // Someone else unregistered it: nothing left to undo.
            }
        }
        registered.clear();
    }
}
