package dev.memtrack.agent.policy.act;

import javax.management.Attribute;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.ReflectionException;
import javax.management.RuntimeMBeanException;

/**
 * Reads and writes attributes of MBeans another part of the JVM registered (workload programs, the
 * stress generator, the allocation tracker), turning every JMX failure into an
 * {@link ActuatorException} whose message is the underlying reason, not a wrapper's.
 */
final class JmxCalls {

    private final MBeanServer server;

    JmxCalls(MBeanServer server) {
        this.server = server;
    }

    boolean isRegistered(ObjectName name) {
        return server.isRegistered(name);
    }

    Object get(ObjectName name, String attribute) throws ActuatorException {
        try {
            return server.getAttribute(name, attribute);
        } catch (JMException | RuntimeException e) {
            throw failure("reading " + attribute + " of " + name, e);
        }
    }

    void set(ObjectName name, String attribute, Object value) throws ActuatorException {
        try {
            server.setAttribute(name, new Attribute(attribute, value));
        } catch (JMException | RuntimeException e) {
            throw failure("setting " + attribute + " of " + name + " to " + value, e);
        }
    }

    Object invoke(ObjectName name, String operation, Object[] args, String[] signature) throws ActuatorException {
        try {
            return server.invoke(name, operation, args, signature);
        } catch (JMException | RuntimeException e) {
            throw failure("calling " + operation + " of " + name, e);
        }
    }

    private static ActuatorException failure(String what, Exception e) {
        if (e instanceof InstanceNotFoundException) {
            return new ActuatorException(what + " failed: " + e.getMessage() + " is no longer registered", e);
        }
        return new ActuatorException(what + " failed: " + reason(e), e);
    }

    /** The innermost message of a JMX failure. */
    static String reason(Throwable e) {
        Throwable t = e;
        while ((t instanceof MBeanException || t instanceof ReflectionException || t instanceof RuntimeMBeanException
                || t instanceof java.lang.reflect.UndeclaredThrowableException
                || t instanceof java.lang.reflect.InvocationTargetException) && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message != null && !message.isBlank() ? message : t.getClass().getSimpleName();
    }
}
