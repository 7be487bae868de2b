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
import javax.management.RuntimeErrorException;
import javax.management.StandardEmitterMBean;
import javax.management.openmbean.TabularData;

/**
 * Registers an MXBean implementation with the descriptions and parameter names written on its
 * interface ({@link Description}, compiled with {@code -parameters}), so JConsole shows real text
 * instead of "Attribute exposed for management" and {@code p0}.
 *
 * <p>Operations whose name starts with a getter-like verb are still operations; impact is
 * {@code INFO} for operations annotated {@link ReadOnly}, {@code ACTION} otherwise.
 *
 * <p>Attributes and operations declared as {@link TabularData} are answered with the implementation's
 * TabularData unchanged and published with that type. The MXBean mapping has no rule for TabularData
 * itself: left alone, it would publish the table as a CompositeData of its bean properties
 * ({@code empty}, {@code tabularType}) without a single row. Their descriptors carry no {@code openType}
 * (the row type is only known from the value).
 *
 * @param <T> the MXBean interface
 */
public final class DescribedMBean<T> extends StandardEmitterMBean {

    private final Map<String, Method> operations = new HashMap<>();
    private final Map<String, Method> getters = new HashMap<>();
    private final Class<T> mxbeanInterface;
    private final MBeanNotificationInfo[] notifications;
    private volatile MBeanInfo publishedInfo;

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
    public MBeanNotificationInfo[] getNotificationInfo() {
        return notifications.clone();
    }

    @Override
    public Object getAttribute(String attribute) throws AttributeNotFoundException, MBeanException,
            ReflectionException {
        Method getter = getters.get(attribute);
        if (getter != null && getter.getReturnType() == TabularData.class) {
            return call(getter);
        }
        return super.getAttribute(attribute);
    }

    @Override
    public AttributeList getAttributes(String[] attributes) {
        AttributeList values = new AttributeList();
        for (String attribute : attributes) {
            try {
                values.add(new Attribute(attribute, getAttribute(attribute)));
            } catch (JMException | RuntimeException e) {
                // As in every MBean: an attribute that cannot be read is left out of the list.
            }
        }
        return values;
    }

    @Override
    public Object invoke(String actionName, Object[] params, String[] signature) throws MBeanException,
            ReflectionException {
        Object[] args = params == null ? new Object[0] : params;
        Method op = operations.get(signatureKey(actionName, args.length));
        if (op != null && op.getReturnType() == TabularData.class && matches(op, signature)) {
            return call(op, args);
        }
        return super.invoke(actionName, params, signature);
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        MBeanInfo info = publishedInfo;
        if (info == null) {
            info = publishTabularDataAsSuch(super.getMBeanInfo());
            publishedInfo = info;
        }
        return info;
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

    private MBeanInfo publishTabularDataAsSuch(MBeanInfo info) {
        MBeanAttributeInfo[] attributes = info.getAttributes().clone();
        for (int i = 0; i < attributes.length; i++) {
            MBeanAttributeInfo a = attributes[i];
            Method getter = getters.get(a.getName());
            if (getter != null && getter.getReturnType() == TabularData.class) {
                attributes[i] = new MBeanAttributeInfo(a.getName(), TabularData.class.getName(), a.getDescription(),
                        a.isReadable(), a.isWritable(), a.isIs(), tabularDescriptor(a.getDescriptor()));
            }
        }
        MBeanOperationInfo[] ops = info.getOperations().clone();
        for (int i = 0; i < ops.length; i++) {
            MBeanOperationInfo o = ops[i];
            Method op = operation(o);
            if (op != null && op.getReturnType() == TabularData.class) {
                ops[i] = new MBeanOperationInfo(o.getName(), o.getDescription(), o.getSignature(),
                        TabularData.class.getName(), o.getImpact(), tabularDescriptor(o.getDescriptor()));
            }
        }
        return new MBeanInfo(info.getClassName(), info.getDescription(), attributes, info.getConstructors(), ops,
                info.getNotifications(), info.getDescriptor());
    }

    private static Descriptor tabularDescriptor(Descriptor mapped) {
        Map<String, Object> fields = new HashMap<>();
        for (String field : mapped.getFieldNames()) {
            fields.put(field, mapped.getFieldValue(field));
        }
        fields.remove("openType");
        fields.put("originalType", TabularData.class.getName());
        return new ImmutableDescriptor(fields);
    }

    private static boolean matches(Method op, String[] signature) {
        if (signature == null) {
            return true;
        }
        return Arrays.equals(signature, Arrays.stream(op.getParameterTypes()).map(Class::getName).toArray());
    }

    private Object call(Method method, Object... args) throws MBeanException, ReflectionException {
        try {
            return method.invoke(getImplementation(), args);
        } catch (InvocationTargetException e) {
            // The same exceptions the MXBean path produces: the MBean server wraps runtime exceptions.
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw new RuntimeErrorException(error, error.toString());
            }
            throw new MBeanException((Exception) cause, String.valueOf(cause));
        } catch (IllegalAccessException | IllegalArgumentException e) {
            throw new ReflectionException(e, "Cannot call " + method.getName() + " with "
                    + Arrays.toString(args));
        }
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
