package dev.memtrack.mbeans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;

/** TabularData attributes and operations reach clients as the tables they are, not as the MXBean mapping's guess. */
class DescribedMBeanTest {

    /** A small MXBean with a table attribute, a table operation and a plain attribute. */
    @Description("Test bean")
    public interface TablesMXBean {
        RecordTable<EffectivenessRow> TABLE = PolicyMXBean.EFFECTIVENESS_TABLE;

        @Description("Rows")
        @TableOf(EffectivenessRow.class)
        TabularData getRows();

        @Description("A count")
        @Units(Units.COUNT)
        int getCount();

        @Description("The first n rows")
        @ReadOnly
        @TableOf(EffectivenessRow.class)
        TabularData first(@Description("How many") int n);
    }

    /** Implementation with two rows. */
    public static final class Tables implements TablesMXBean {
        private final List<EffectivenessRow> rows = List.of(
                new EffectivenessRow("cpu", "pause", "workload:a", 2, 1, 0.5),
                new EffectivenessRow("cpu", "pause", "workload:b", 0, 0, 0.5));

        @Override
        public TabularData getRows() {
            return TABLE.toTabularData(rows);
        }

        @Override
        public int getCount() {
            return rows.size();
        }

        @Override
        public TabularData first(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("n must be >= 1, got " + n);
            }
            return TABLE.toTabularData(rows.subList(0, Math.min(n, rows.size())));
        }
    }

    @Test
    void tablesAreServedWithEveryRowAndDescribedAsTabularData() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        ObjectName name = new ObjectName("test:type=Tables");
        server.registerMBean(new DescribedMBean<>(new Tables(), TablesMXBean.class), name);

        Object rows = server.getAttribute(name, "Rows");
        assertThat(rows).isInstanceOf(TabularData.class);
        assertThat(TablesMXBean.TABLE.fromTabularData((TabularData) rows)).hasSize(2);
        assertThat(server.getAttribute(name, "Count")).isEqualTo(2);
        AttributeList both = server.getAttributes(name, new String[] {"Rows", "Count"});
        assertThat(both.asList()).hasSize(2);
        assertThat(both.asList().get(0).getValue()).isInstanceOf(TabularData.class);
        Object first = server.invoke(name, "first", new Object[] {1}, new String[] {"int"});
        assertThat(TablesMXBean.TABLE.fromTabularData((TabularData) first)).extracting(EffectivenessRow::target)
                .containsExactly("workload:a");

        MBeanInfo info = server.getMBeanInfo(name);
        MBeanAttributeInfo rowsInfo = List.of(info.getAttributes()).stream()
                .filter(a -> a.getName().equals("Rows")).findFirst().orElseThrow();
        assertThat(rowsInfo.getType()).isEqualTo(TabularData.class.getName());
        assertThat(rowsInfo.getDescription()).isEqualTo("Rows");
        assertThat(rowsInfo.getDescriptor().getFieldValue("openType")).isEqualTo(TablesMXBean.TABLE.tableType());
        MBeanOperationInfo firstInfo = info.getOperations()[0];
        assertThat(firstInfo.getReturnType()).isEqualTo(TabularData.class.getName());
        assertThat(firstInfo.getImpact()).isEqualTo(MBeanOperationInfo.INFO);
        assertThat(firstInfo.getSignature()[0].getName()).isEqualTo("n");
    }

    /** An MXBean with a writable enum attribute. */
    public interface SwitchMXBean {
        PolicyMode getMode();

        void setMode(PolicyMode mode);
    }

    /** Keeps the mode it is given. */
    public static final class Switch implements SwitchMXBean {
        private PolicyMode mode = PolicyMode.OFF;

        @Override
        public PolicyMode getMode() {
            return mode;
        }

        @Override
        public void setMode(PolicyMode mode) {
            this.mode = mode;
        }
    }

    @Test
    void anEnumAttributeRefusesAnUnknownNameListingTheAcceptedOnes() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        ObjectName name = new ObjectName("test:type=Switch");
        Switch impl = new Switch();
        server.registerMBean(new DescribedMBean<>(impl, SwitchMXBean.class), name);

        assertThatThrownBy(() -> server.setAttribute(name, new Attribute("Mode", "SOMETIMES")))
                .isInstanceOf(RuntimeMBeanException.class)
                .cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value 'SOMETIMES' for Mode: expected one of OFF, ADVISORY, ENFORCE");
        assertThat(impl.getMode()).isEqualTo(PolicyMode.OFF);

        server.setAttribute(name, new Attribute("Mode", "ENFORCE"));
        assertThat(impl.getMode()).isEqualTo(PolicyMode.ENFORCE);
    }

    @Test
    void aRefusalInsideATableOperationReachesTheClientWithItsMessage() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        ObjectName name = new ObjectName("test:type=Tables");
        server.registerMBean(new DescribedMBean<>(new Tables(), TablesMXBean.class), name);

        assertThatThrownBy(() -> server.invoke(name, "first", new Object[] {0}, new String[] {"int"}))
                .isInstanceOf(RuntimeMBeanException.class)
                .hasCauseInstanceOf(IllegalArgumentException.class)
                .cause().hasMessage("n must be >= 1, got 0");
    }
}
