package dev.memtrack.mbeans;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
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
import javax.management.InvalidAttributeValueException;
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
import javax.management.openmbean.TabularData;
import javax.management.openmbean.TabularType;

/**
 * Registers an MXBean implementation with the descriptions and parameter names written on its
 * interface ({@link Description}, compiled with {@code -parameters}), so JConsole shows real text
 * instead of "Attribute exposed for management" and {@code p0}.
 *
 * <p>Operations whose name starts with a getter-like verb are still operations; impact is
 * {@code INFO} for operations annotated {@link ReadOnly}, {@code ACTION} otherwise.
 *
 * <p>Attributes and operations returning {@link TabularData} must name their row record with
 * {@link TableOf}: their values are passed through unchanged and published with the table's
 * {@link TabularType} (the JDK's MXBean mapping alone would turn them into a {@code CompositeData}
 * of the table's bean properties). Their arguments arrive as open values: {@code String},
 * primitives and their boxes, and enums written as their name. A client-side MXBean proxy
 * ({@code JMX.newMXBeanProxy}) does not know about this; read such attributes with
 * {@code getAttribute}, as consoles and Jolokia do.
 *
 * @param <T> the MXBean interface
 */
public final class DescribedMBean<T> extends StandardEmitterMBean {

    private final Map<String, Method> operations = new HashMap<>();
    private final Map<String, Method> getters = new HashMap<>();
    private final Class<T> mxbeanInterface;
    private final MBeanNotificationInfo[] notifications;
    private final Map<String, Method> tableGetters = new HashMap<>();
    private final Map<String, Method> tableOperations = new HashMap<>();
    private final Map<Method, TabularType> tableTypes = new HashMap<>();
    private volatile MBeanInfo info;

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
            if (m.isDefault() || Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            String attribute = attributeName(m);
            if (attribute != null) {
                // The getter carries the description of a read-write attribute, not the setter.
                if (!m.getName().startsWith("set")) {
                    getters.put(attribute, m);
                    if (m.getReturnType() == TabularData.class) {
                        tableGetters.put(attribute, m);
                        tableTypes.put(m, tableType(m));
                    }
                }
            } else {
                operations.put(signatureKey(m.getName(), m.getParameterTypes().length), m);
                if (m.getReturnType() == TabularData.class) {
                    tableOperations.put(signatureKey(m.getName(), m.getParameterTypes().length), m);
                    tableTypes.put(m, tableType(m));
                }
            }
        }
    }

    /** The TabularType of the RecordTable constant that {@link TableOf} on {@code m} points at. */
    private TabularType tableType(Method m) {
        TableOf rows = m.getAnnotation(TableOf.class);
        if (rows == null) {
            throw new IllegalArgumentException(mxbeanInterface.getName() + "." + m.getName()
                    + " returns TabularData but has no @TableOf naming its row record");
        }
        for (Field f : mxbeanInterface.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == RecordTable.class) {
                try {
                    RecordTable<?> table = (RecordTable<?>) f.get(null);
                    if (table.recordClass() == rows.value()) {
                        return table.tableType();
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("Cannot read " + f, e);
                }
            }
        }
        throw new IllegalArgumentException(mxbeanInterface.getName() + " declares no RecordTable constant of "
                + rows.value().getName() + " for " + m.getName());
    }

    /** Convenience for beans that send no notifications. */
    public DescribedMBean(T implementation, Class<T> mxbeanInterface) {
        this(implementation, mxbeanInterface, null);
    }

    @Override
    public MBeanNotificationInfo[] getNotificationInfo() {
        return notifications.clone();
    }

    /** The MXBean's info, with the real TabularType of every {@link TableOf} attribute and operation. */
    @Override
    public MBeanInfo getMBeanInfo() {
        MBeanInfo cached = info;
        if (cached == null) {
            cached = withTableTypes(super.getMBeanInfo());
            info = cached;
        }
        return cached;
    }

    @Override
    public Object getAttribute(String attribute)
            throws AttributeNotFoundException, MBeanException, ReflectionException {
        Method getter = tableGetters.get(attribute);
        return getter == null ? super.getAttribute(attribute) : call(getter, new Object[0]);
    }

    /**
     * Refuses a name that is no constant of an enum attribute with a message listing the constants
     * (the MXBean mapping alone says only "Cannot convert to enum").
     */
    @Override
    public void setAttribute(Attribute attribute)
            throws AttributeNotFoundException, InvalidAttributeValueException, MBeanException, ReflectionException {
        Method getter = getters.get(attribute.getName());
        if (getter != null && getter.getReturnType().isEnum() && attribute.getValue() instanceof String name) {
            Object[] constants = getter.getReturnType().getEnumConstants();
            if (Arrays.stream(constants).noneMatch(c -> ((Enum<?>) c).name().equals(name))) {
                throw new IllegalArgumentException("Invalid value '" + name + "' for " + attribute.getName()
                        + ": expected one of " + String.join(", ",
                        Arrays.stream(constants).map(c -> ((Enum<?>) c).name()).toArray(String[]::new)));
            }
        }
        super.setAttribute(attribute);
    }

    @Override
    public AttributeList getAttributes(String[] attributes) {
        AttributeList values = new AttributeList();
        for (String name : attributes) {
            try {
                values.add(new Attribute(name, getAttribute(name)));
            } catch (Exception failed) {
                // As the JMX contract says: attributes that cannot be read are left out of the list.
            }
        }
        return values;
    }

    @Override
    public Object invoke(String actionName, Object[] params, String[] signature)
            throws MBeanException, ReflectionException {
        Object[] args = params == null ? new Object[0] : params;
        Method op = tableOperations.get(signatureKey(actionName, args.length));
        return op == null ? super.invoke(actionName, params, signature) : call(op, fromOpenValues(op, args));
    }

    private Object call(Method m, Object[] args) throws MBeanException, ReflectionException {
        try {
            return m.invoke(getImplementation(), args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            // Thrown as they are: the MBeanServer wraps them once, as it does for every other MXBean call.
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new MBeanException((Exception) cause, String.valueOf(cause));
        } catch (IllegalAccessException | IllegalArgumentException e) {
            throw new ReflectionException(e, "Cannot call " + m.getName() + ": " + e.getMessage());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object[] fromOpenValues(Method m, Object[] args) {
        Object[] converted = args.clone();
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < converted.length && i < types.length; i++) {
            if (types[i].isEnum() && converted[i] instanceof String name) {
                converted[i] = Enum.valueOf((Class) types[i], name);
            }
        }
        return converted;
    }

    private MBeanInfo withTableTypes(MBeanInfo mxbeanInfo) {
        if (tableTypes.isEmpty()) {
            return mxbeanInfo;
        }
        MBeanAttributeInfo[] attributes = mxbeanInfo.getAttributes().clone();
        for (int i = 0; i < attributes.length; i++) {
            MBeanAttributeInfo a = attributes[i];
            Method getter = tableGetters.get(a.getName());
            if (getter != null) {
                attributes[i] = new MBeanAttributeInfo(a.getName(), TabularData.class.getName(), a.getDescription(),
                        a.isReadable(), a.isWritable(), a.isIs(), tableDescriptor(a.getDescriptor(), tableTypes.get(getter)));
            }
        }
        MBeanOperationInfo[] operations = mxbeanInfo.getOperations().clone();
        for (int i = 0; i < operations.length; i++) {
            MBeanOperationInfo o = operations[i];
            Method op = tableOperations.get(signatureKey(o.getName(), o.getSignature().length));
            if (op != null) {
                operations[i] = new MBeanOperationInfo(o.getName(), o.getDescription(), o.getSignature(),
                        TabularData.class.getName(), o.getImpact(), tableDescriptor(o.getDescriptor(), tableTypes.get(op)));
            }
        }
        return new MBeanInfo(mxbeanInfo.getClassName(), mxbeanInfo.getDescription(), attributes,
                mxbeanInfo.getConstructors(), operations, mxbeanInfo.getNotifications(), mxbeanInfo.getDescriptor());
    }

    private static Descriptor tableDescriptor(Descriptor original, TabularType type) {
        Map<String, Object> fields = new HashMap<>();
        for (String name : original.getFieldNames()) {
            fields.put(name, original.getFieldValue(name));
        }
        fields.put("openType", type);
        fields.put("originalType", TabularData.class.getName());
        return new ImmutableDescriptor(fields);
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
