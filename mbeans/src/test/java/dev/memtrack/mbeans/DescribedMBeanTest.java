package dev.memtrack.mbeans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;

/** Tables built with RecordTable reach JMX clients as tables, rows intact. */
class DescribedMBeanTest {

    @Description("Bean with a table")
    public interface TableMXBean {
        @Description("Rows")
        TabularData getRows();

        @Description("The first n rows")
        @ReadOnly
        TabularData first(@Description("How many") int n);

        @Units(Units.COUNT)
        @Description("A plain attribute, mapped as usual")
        long getCount();
    }

    private static final List<ConfigEntry> ROWS =
            List.of(new ConfigEntry("alloc", "EXACT", "agent options"), new ConfigEntry("alloc.interval", "512k", "default"));

    static final class Table implements TableMXBean {
        @Override
        public TabularData getRows() {
            return AgentMXBean.CONFIGURATION_TABLE.toTabularData(ROWS);
        }

        @Override
        public TabularData first(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("n must be at least 1, got " + n);
            }
            return AgentMXBean.CONFIGURATION_TABLE.toTabularData(ROWS.subList(0, n));
        }

        @Override
        public long getCount() {
            return 2;
        }
    }

    @Test
    void tablesPassThroughWithTheirRows() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        ObjectName name = new ObjectName("test:type=Table");
        server.registerMBean(new DescribedMBean<>(new Table(), TableMXBean.class), name);

        assertThat(AgentMXBean.CONFIGURATION_TABLE.fromTabularData((TabularData) server.getAttribute(name, "Rows")))
                .containsExactlyElementsOf(ROWS);
        assertThat(server.getAttributes(name, new String[] {"Rows", "Count"}).asList()).hasSize(2);
        TabularData first = (TabularData) server.invoke(name, "first", new Object[] {1}, new String[] {"int"});
        assertThat(AgentMXBean.CONFIGURATION_TABLE.fromTabularData(first)).containsExactly(ROWS.get(0));
        assertThat(server.getAttribute(name, "Count")).isEqualTo(2L);

        MBeanAttributeInfo rows = server.getMBeanInfo(name).getAttributes()[0].getName().equals("Rows")
                ? server.getMBeanInfo(name).getAttributes()[0] : server.getMBeanInfo(name).getAttributes()[1];
        assertThat(rows.getType()).isEqualTo(TabularData.class.getName());
        assertThat(rows.getDescription()).isEqualTo("Rows");
        assertThat(rows.getDescriptor().getFieldValue("openType")).isNull();

        assertThatThrownBy(() -> server.invoke(name, "first", new Object[] {0}, new String[] {"int"}))
                .isInstanceOf(RuntimeMBeanException.class).cause()
                .isInstanceOf(IllegalArgumentException.class).hasMessage("n must be at least 1, got 0");
    }
}
