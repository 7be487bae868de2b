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
 * <p>Attributes and operations declared to return {@link TabularData} (the {@link RecordTable}s)
 * are served as that TabularData, unchanged. The JDK's MXBean mapping does not know TabularData as
 * a Java type: left alone it would turn the table into a CompositeData of TabularData's own getters
 * ({@code empty}, {@code tabularType}) and every row would be lost. Such members are described as
 * type {@code javax.management.openmbean.TabularData}; MXBean proxies cannot be made for these
 * interfaces, so clients read them with {@code getAttribute}/{@code invoke} (as JConsole and
 * Jolokia do) and {@link RecordTable#fromTabularData}.
 *
 * @param <T> the MXBean interface
 */
public final class DescribedMBean<T> extends StandardEmitterMBean {

    private final Map<String, Method> operations = new HashMap<>();
    private final Map<String, Method> getters = new HashMap<>();
    private final Class<T> mxbeanInterface;
    private final T implementation;
    private final MBeanNotificationInfo[] notifications;
    private MBeanInfo infoAsBuilt;
    private MBeanInfo infoWithTables;

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
        this.implementation = implementation;
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
    public Object getAttribute(String attribute)
            throws AttributeNotFoundException, MBeanException, ReflectionException {
        Method getter = getters.get(attribute);
        if (getter != null && getter.getReturnType() == TabularData.class) {
            return call(getter);
        }
        return super.getAttribute(attribute);
    }

    @Override
    public AttributeList getAttributes(String[] attributes) {
        AttributeList list = new AttributeList();
        for (String name : attributes) {
            try {
                list.add(new Attribute(name, getAttribute(name)));
            } catch (Exception e) {
                // As the JDK does: an attribute that cannot be read is left out of the list.
            }
        }
        return list;
    }

    @Override
    public Object invoke(String actionName, Object[] params, String[] signature)
            throws MBeanException, ReflectionException {
        Method op = operations.get(signatureKey(actionName, signature == null ? 0 : signature.length));
        if (op != null && op.getReturnType() == TabularData.class && simpleParameters(op)) {
            return call(op, params == null ? new Object[0] : params);
        }
        return super.invoke(actionName, params, signature);
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        MBeanInfo built = super.getMBeanInfo();
        synchronized (this) {
            if (built != infoAsBuilt) {
                infoAsBuilt = built;
                infoWithTables = withTabularTypes(built);
            }
            return infoWithTables;
        }
    }

    private MBeanInfo withTabularTypes(MBeanInfo info) {
        MBeanAttributeInfo[] attributes = info.getAttributes().clone();
        for (int i = 0; i < attributes.length; i++) {
            MBeanAttributeInfo a = attributes[i];
            Method getter = getters.get(a.getName());
            if (getter != null && getter.getReturnType() == TabularData.class) {
                attributes[i] = new MBeanAttributeInfo(a.getName(), TabularData.class.getName(), a.getDescription(),
                        a.isReadable(), a.isWritable(), a.isIs(), withoutMxBeanTypes(a.getDescriptor()));
            }
        }
        MBeanOperationInfo[] ops = info.getOperations().clone();
        for (int i = 0; i < ops.length; i++) {
            MBeanOperationInfo o = ops[i];
            Method op = operation(o);
            if (op != null && op.getReturnType() == TabularData.class) {
                ops[i] = new MBeanOperationInfo(o.getName(), o.getDescription(), o.getSignature(),
                        TabularData.class.getName(), o.getImpact(), withoutMxBeanTypes(o.getDescriptor()));
            }
        }
        return new MBeanInfo(info.getClassName(), info.getDescription(), attributes, info.getConstructors(), ops,
                info.getNotifications(), info.getDescriptor());
    }

    // The MXBean open type computed for TabularData is the bogus CompositeType; drop it, keep units etc.
    private static Descriptor withoutMxBeanTypes(Descriptor d) {
        Map<String, Object> fields = new HashMap<>();
        for (String name : d.getFieldNames()) {
            if (!name.equals("openType") && !name.equals("originalType")) {
                fields.put(name, d.getFieldValue(name));
            }
        }
        return new ImmutableDescriptor(fields);
    }

    private static boolean simpleParameters(Method m) {
        return Arrays.stream(m.getParameterTypes()).allMatch(t -> t.isPrimitive() || t == String.class);
    }

    // Exceptions as a StandardMBean reports them, so clients see the implementation's own exception.
    private Object call(Method m, Object... args) throws MBeanException, ReflectionException {
        try {
            return m.invoke(implementation, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r; // the MBeanServer wraps it in a RuntimeMBeanException
            } else if (cause instanceof Error err) {
                throw new RuntimeErrorException(err, err.toString());
            }
            throw new MBeanException((Exception) cause, String.valueOf(cause));
        } catch (IllegalAccessException | IllegalArgumentException e) {
            throw new ReflectionException(e, "Cannot call " + m.getName() + ": " + e);
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
