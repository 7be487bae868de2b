package dev.memtrack.agent.jmx.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.memtrack.agent.core.MBeanRegistrar;
import dev.memtrack.mbeans.MemtrackDomain;
import java.util.Arrays;
import javax.management.JMException;
import javax.management.MBeanNotificationInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.NotificationEmitter;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;

/**
 * A simulator bean registered the way the agent registers it (through {@link MBeanRegistrar}, as a
 * {@code DescribedMBean}) in a fresh MBeanServer, called as a console calls it: by operation name and
 * signature, attributes by name.
 */
final class RegisteredBean {

    final MBeanServer server = MBeanServerFactory.newMBeanServer();
    final ObjectName name;

    <T> RegisteredBean(String objectName, T bean, Class<T> mxbeanInterface, NotificationEmitter emitter,
                       MBeanNotificationInfo... notifications) {
        this.name = MemtrackDomain.objectName(objectName);
        try {
            new MBeanRegistrar(server, Runnable::run).register(objectName, bean, mxbeanInterface, emitter,
                    notifications);
        } catch (JMException e) {
            throw new AssertionError(e);
        }
    }

    <T> RegisteredBean(String objectName, T bean, Class<T> mxbeanInterface) {
        this(objectName, bean, mxbeanInterface, null);
    }

    Object attribute(String attribute) {
        try {
            return server.getAttribute(name, attribute);
        } catch (JMException e) {
            throw new AssertionError(e);
        }
    }

    Object invoke(String operation, Object... args) {
        try {
            return server.invoke(name, operation, args, signature(operation, args.length));
        } catch (JMException e) {
            throw new AssertionError(operation + " failed", e);
        }
    }

    /** The message of the IllegalArgumentException the call is refused with, checked to be one line. */
    String refusal(String operation, Object... args) {
        Throwable thrown = catchThrowable(() -> server.invoke(name, operation, args, signature(operation, args.length)));
        assertThat(thrown).as("%s%s", operation, Arrays.toString(args)).isInstanceOf(RuntimeMBeanException.class);
        Throwable cause = thrown.getCause();
        // Exactly the JDK's class: a remote console cannot deserialize a library's own exception type.
        assertThat(cause).isExactlyInstanceOf(IllegalArgumentException.class).hasNoCause();
        assertThat(cause.getMessage()).doesNotContain("\n").hasSizeLessThan(400);
        return cause.getMessage();
    }

    private String[] signature(String operation, int arity) {
        try {
            for (MBeanOperationInfo op : server.getMBeanInfo(name).getOperations()) {
                if (op.getName().equals(operation) && op.getSignature().length == arity) {
                    return Arrays.stream(op.getSignature()).map(MBeanParameterInfo::getType).toArray(String[]::new);
                }
            }
        } catch (JMException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no operation " + operation + " with " + arity + " parameters");
    }
}
