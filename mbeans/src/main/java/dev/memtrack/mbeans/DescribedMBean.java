package dev.memtrack.mbeans;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.Descriptor;
import javax.management.ImmutableDescriptor;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanException;
import javax.management.MBeanInfo;
import javax.management.MBeanNotificationInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.NotificationBroadcasterSupport;
import javax.management.NotificationEmitter;
import javax.management.ReflectionException;
import javax.management.StandardEmitterMBean;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

/**
 * Registers an MXBean implementation with the descriptions and parameter names written on its
 * interface ({@link Description}, compiled with {@code -parameters}), so JConsole shows real text
 * instead of "Attribute exposed for management" and {@code p0}.
 *
 * <p>Operations whose name starts with a getter-like verb are still operations; impact is
 * {@code INFO} for operations annotated {@link ReadOnly}, {@code ACTION} otherwise.
 *
 * <p>Attributes and operations declared as {@link TabularData} or {@link CompositeData} (such as
 * those built with {@link RecordTable}) pass through unchanged. The JDK's MXBean mapping does not
 * know their open type in advance and would otherwise turn them into a {@code CompositeData} of
 * {@code TabularData}'s own getters, losing every row.
 *
 * @param <T> the MXBean interface
 */
public final class DescribedMBean<T> extends StandardEmitterMBean {

    private final Map<String, Method> operations = new HashMap<>();
    private final Map<String, Method> getters = new HashMap<>();
    private final Class<T> mxbeanInterface;
    private final MBeanNotificationInfo[] notifications;

    /**
     * @param implementation the object answering the calls
     * @param mxbeanInterface its MXBean interface, carrying the annotations
     * @param emitter where notifications come from; {@code null} if the bean sends none
     * @param notifications the notifications it may send (empty if none)
     */
    public DescribedMBean(T implementation, Class<T> mxbeanInterface, NotificationEmitter emitter,
                          MBeanNotificationInfo... notifications) {
        super(implementation, mxbeanInterface, true,
                emitter != null ? emitter : new NotificationBroadcasterSupport());
        this.mxbeanInterface = Objects.requireNonNull(mxbeanInterface);
        this.notifications = notifications.clone();
        for (Method m : mxbeanInterface.getMethods()) {
            if (m.isDefault() || java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            String attribute = attributeName(m);
            if (attribute != null) {
                // The getter carries the description of a read-write attribute, not the setter.
                if (!m.getName().startsWith("set")) {
                    getters.put(attribute, m);
                }
            } else {
                operations.put(signatureKey(m.getName(), m.getParameterTypes().length), m);
            }
        }
    }

    /** Convenience for beans that send no notifications. */
    public DescribedMBean(T implementation, Class<T> mxbeanInterface) {
        this(implementation, mxbeanInterface, null);
    }

    @Override
    public Object getAttribute(String attribute) throws AttributeNotFoundException, MBeanException,
            ReflectionException {
        Method getter = getters.get(attribute);
        if (getter != null && passesThrough(getter)) {
            return call(getter, new Object[0]);
        }
        return super.getAttribute(attribute);
    }

    @Override
    public AttributeList getAttributes(String[] attributes) {
        AttributeList list = new AttributeList();
        for (String name : attributes) {
            try {
                list.add(new Attribute(name, getAttribute(name)));
            } catch (JMException | RuntimeException e) {
                // As for any MBean: an attribute that cannot be read is left out of the list.
            }
        }
        return list;
    }

    @Override
    public Object invoke(String actionName, Object[] params, String[] signature) throws MBeanException,
            ReflectionException {
        Method op = operations.get(signatureKey(actionName, signature == null ? 0 : signature.length));
        if (op != null && passesThrough(op) && Arrays.stream(op.getParameterTypes()).allMatch(DescribedMBean::mapsToItself)) {
            return call(op, params == null ? new Object[0] : params);
        }
        return super.invoke(actionName, params, signature);
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        MBeanInfo info = super.getMBeanInfo();
        MBeanAttributeInfo[] attributes = info.getAttributes().clone();
        for (int i = 0; i < attributes.length; i++) {
            MBeanAttributeInfo a = attributes[i];
            Method getter = getters.get(a.getName());
            if (getter != null && passesThrough(getter)) {
                attributes[i] = new MBeanAttributeInfo(a.getName(), getter.getReturnType().getName(),
                        a.getDescription(), a.isReadable(), a.isWritable(), a.isIs(), withoutOpenType(a.getDescriptor()));
            }
        }
        MBeanOperationInfo[] ops = info.getOperations().clone();
        for (int i = 0; i < ops.length; i++) {
            MBeanOperationInfo o = ops[i];
            Method op = operation(o);
            if (op != null && passesThrough(op)) {
                ops[i] = new MBeanOperationInfo(o.getName(), o.getDescription(), o.getSignature(),
                        op.getReturnType().getName(), o.getImpact(), withoutOpenType(o.getDescriptor()));
            }
        }
        return new MBeanInfo(info.getClassName(), info.getDescription(), attributes, info.getConstructors(), ops,
                info.getNotifications(), info.getDescriptor());
    }

    private static boolean passesThrough(Method m) {
        return m.getReturnType() == TabularData.class || m.getReturnType() == CompositeData.class;
    }

    private static boolean mapsToItself(Class<?> parameter) {
        return parameter.isPrimitive() || parameter == String.class;
    }

    // The openType the MXBean introspector derived describes TabularData's getters, not the data.
    private static Descriptor withoutOpenType(Descriptor d) {
        Map<String, Object> fields = new HashMap<>();
        for (String name : d.getFieldNames()) {
            if (!name.equals("openType")) {
                fields.put(name, d.getFieldValue(name));
            }
        }
        return new ImmutableDescriptor(fields);
    }

    private Object call(Method m, Object[] args) throws MBeanException, ReflectionException {
        try {
            return m.invoke(getImplementation(), args);
        } catch (InvocationTargetException e) {
            // Like any MBean: the MBeanServer wraps runtime exceptions in RuntimeMBeanException.
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new MBeanException((Exception) cause, m.getName() + " failed");
        } catch (IllegalAccessException | IllegalArgumentException e) {
            throw new ReflectionException(e, "Cannot call " + m.getName());
        }
    }

    @Override
    public MBeanNotificationInfo[] getNotificationInfo() {
        return notifications.clone();
    }

    @Override
    protected String getDescription(MBeanInfo info) {
        Description d = mxbeanInterface.getAnnotation(Description.class);
        return d != null ? d.value() : super.getDescription(info);
    }

    @Override
    protected String getDescription(MBeanAttributeInfo info) {
        Method getter = getters.get(info.getName());
        Description d = getter != null ? getter.getAnnotation(Description.class) : null;
        return d != null ? d.value() : super.getDescription(info);
    }

    @Override
    protected String getDescription(MBeanOperationInfo info) {
        Method op = operation(info);
        Description d = op != null ? op.getAnnotation(Description.class) : null;
        return d != null ? d.value() : super.getDescription(info);
    }

    @Override
    protected int getImpact(MBeanOperationInfo info) {
        Method op = operation(info);
        if (op == null) {
            return super.getImpact(info);
        }
        return op.isAnnotationPresent(ReadOnly.class) ? MBeanOperationInfo.INFO : MBeanOperationInfo.ACTION;
    }

    @Override
    protected String getParameterName(MBeanOperationInfo op, MBeanParameterInfo param, int sequence) {
        Parameter p = parameter(op, sequence);
        return p != null && p.isNamePresent() ? p.getName() : super.getParameterName(op, param, sequence);
    }

    @Override
    protected String getDescription(MBeanOperationInfo op, MBeanParameterInfo param, int sequence) {
        Parameter p = parameter(op, sequence);
        Description d = p != null ? p.getAnnotation(Description.class) : null;
        return d != null ? d.value() : super.getDescription(op, param, sequence);
    }

    private Method operation(MBeanOperationInfo info) {
        return operations.get(signatureKey(info.getName(), info.getSignature().length));
    }

    private Parameter parameter(MBeanOperationInfo info, int sequence) {
        Method op = operation(info);
        if (op == null || sequence >= op.getParameterCount()) {
            return null;
        }
        return op.getParameters()[sequence];
    }

    // Overloads differ by arity in this contract; the interfaces are checked for that in tests.
    private static String signatureKey(String name, int arity) {
        return name + "/" + arity;
    }

    private static String attributeName(Method m) {
        String n = m.getName();
        if (m.getParameterCount() == 0 && m.getReturnType() != void.class) {
            if (n.startsWith("get") && n.length() > 3) {
                return n.substring(3);
            }
            if (n.startsWith("is") && n.length() > 2
                    && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
                return n.substring(2);
            }
        }
        if (n.startsWith("set") && n.length() > 3 && m.getParameterCount() == 1 && m.getReturnType() == void.class) {
            return n.substring(3);
        }
        return null;
    }

    @Override
    public String toString() {
        return "DescribedMBean[" + mxbeanInterface.getName() + ", notifications="
                + Arrays.toString(Arrays.stream(notifications).map(MBeanNotificationInfo::getName).toArray()) + "]";
    }
}
