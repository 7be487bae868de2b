package dev.memtrack.mbeans;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularData;
import javax.management.openmbean.TabularType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every MXBean of the contract is valid, registrable, and fully described for JConsole. */
class ContractTest {

    static Stream<Class<?>> mxbeans() {
        return Stream.of(AgentMXBean.class, SystemMXBean.class, ProcessesMXBean.class, HeapMXBean.class,
                PagingSimulatorMXBean.class, SegmentationSimulatorMXBean.class, StressSimulatorMXBean.class,
                WorkloadMXBean.class, AllocationsMXBean.class, PolicyMXBean.class);
    }

    @ParameterizedTest
    @MethodSource("mxbeans")
    void registersWithDescriptionsUnitsAndParameterNames(Class<?> type) throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        ObjectName name = new ObjectName("test:type=" + type.getSimpleName());
        server.registerMBean(describedStub(type), name);
        MBeanInfo info = server.getMBeanInfo(name);

        assertThat(info.getDescription()).isEqualTo(type.getAnnotation(Description.class).value());
        List<String> problems = new ArrayList<>();
        for (MBeanAttributeInfo a : info.getAttributes()) {
            if (a.getDescription().equals(a.getName()) || a.getDescription().contains("exposed for management")) {
                problems.add("attribute " + a.getName() + " has no description");
            }
            Object openType = a.getDescriptor().getFieldValue("openType");
            boolean numeric = openType == SimpleType.LONG || openType == SimpleType.INTEGER
                    || openType == SimpleType.DOUBLE;
            if (numeric && a.getDescriptor().getFieldValue("units") == null) {
                problems.add("numeric attribute " + a.getName() + " has no units");
            }
        }
        for (MBeanOperationInfo op : info.getOperations()) {
            if (op.getDescription().contains("exposed for management") || op.getDescription().equals(op.getName())) {
                problems.add("operation " + op.getName() + " has no description");
            }
            for (var p : op.getSignature()) {
                if (p.getName().matches("p\\d+")) {
                    problems.add("operation " + op.getName() + " has an unnamed parameter " + p.getName());
                }
                if (p.getDescription().equals(p.getName()) || p.getDescription().matches("p\\d+")) {
                    problems.add("parameter " + p.getName() + " of " + op.getName() + " has no description");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("mxbeans")
    void overloadsDifferByArity(Class<?> type) {
        Set<String> seen = new HashSet<>();
        for (Method m : type.getMethods()) {
            if (!java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                assertThat(seen.add(m.getName() + "/" + m.getParameterCount()))
                        .as("%s.%s/%d is unique", type.getSimpleName(), m.getName(), m.getParameterCount())
                        .isTrue();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("mxbeans")
    void objectNameIsInTheMemtrackDomain(Class<?> type) throws Exception {
        if (type == WorkloadMXBean.class) {
            assertThat(MemtrackDomain.workload("batch, job").getKeyProperty("name")).isEqualTo("\"batch, job\"");
            return;
        }
        String name = (String) type.getField("OBJECT_NAME").get(null);
        assertThat(MemtrackDomain.objectName(name).getDomain()).isEqualTo(MemtrackDomain.DOMAIN);
    }

    @ParameterizedTest
    @MethodSource("mxbeans")
    void tablesArePublishedAsTabularDataOfTheirRecordTable(Class<?> type) throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        ObjectName name = new ObjectName("test:type=" + type.getSimpleName());
        server.registerMBean(tableStub(type), name);
        MBeanInfo info = server.getMBeanInfo(name);

        for (Method m : type.getMethods()) {
            if (m.getReturnType() != TabularData.class) {
                continue;
            }
            TabularType expected = tableOf(type, m.getAnnotation(TableOf.class).value()).tableType();
            Object value;
            Object openType;
            if (m.getParameterCount() == 0) {
                String attribute = m.getName().substring(3);
                value = server.getAttribute(name, attribute);
                openType = Stream.of(info.getAttributes()).filter(a -> a.getName().equals(attribute)).findFirst()
                        .orElseThrow().getDescriptor().getFieldValue("openType");
            } else {
                Object[] args = Stream.of(m.getParameterTypes()).map(t -> t == int.class ? (Object) 1 : "FIFO").toArray();
                String[] signature = Stream.of(m.getParameterTypes()).map(Class::getName).toArray(String[]::new);
                value = server.invoke(name, m.getName(), args, signature);
                openType = Stream.of(info.getOperations()).filter(o -> o.getName().equals(m.getName())).findFirst()
                        .orElseThrow().getDescriptor().getFieldValue("openType");
            }
            assertThat(value).as(m.getName()).isInstanceOf(TabularData.class);
            assertThat(((TabularData) value).getTabularType()).as(m.getName()).isEqualTo(expected);
            assertThat(openType).as(m.getName()).isEqualTo(expected);
        }
    }

    private static RecordTable<?> tableOf(Class<?> type, Class<?> rows) throws IllegalAccessException {
        for (var f : type.getFields()) {
            if (f.getType() == RecordTable.class && ((RecordTable<?>) f.get(null)).recordClass() == rows) {
                return (RecordTable<?>) f.get(null);
            }
        }
        throw new AssertionError("no RecordTable of " + rows + " in " + type);
    }

    /** Answers every TabularData method with an empty table of its RecordTable; nothing else is called. */
    @SuppressWarnings("unchecked")
    private static <T> DescribedMBean<T> tableStub(Class<T> type) {
        T stub = (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, m, args) -> m.getReturnType() == TabularData.class
                        ? tableOf(type, m.getAnnotation(TableOf.class).value()).toTabularData(List.of()) : null);
        return new DescribedMBean<>(stub, type);
    }

    /** An implementation that answers every call with a default value; only the metadata matters here. */
    @SuppressWarnings("unchecked")
    private static <T> DescribedMBean<T> describedStub(Class<T> type) {
        T stub = (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> null);
        return new DescribedMBean<>(stub, type);
    }
}
