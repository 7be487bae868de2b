package dev.memtrack.mbeans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;

class RecordTableTest {

    @Test
    void roundTripsRowsInOrder() {
        List<ProcessRow> rows = List.of(
                new ProcessRow(1, 42, "java", "alice", "RUNNING", 150.5, 1L << 30, 8L << 30, 40),
                new ProcessRow(2, 7, "sshd", "root", "SLEEPING", 0.0, 4096, 8192, 1));
        TabularData table = ProcessesMXBean.PROCESS_TABLE.toTabularData(rows);

        assertThat(table.size()).isEqualTo(2);
        assertThat(ProcessesMXBean.PROCESS_TABLE.fromTabularData(table)).containsExactlyElementsOf(rows);
        CompositeData first = table.get(new Object[] {1});
        assertThat(first.get("name")).isEqualTo("java");
        assertThat(first.get("residentBytes")).isEqualTo(1L << 30);
    }

    @Test
    void writesEnumsAsNamesAndDescribesColumnsWithUnits() {
        var status = new SubsystemStatus("jolokia", SubsystemState.DISABLED, "port 8778 in use", 5L);
        CompositeData row = AgentMXBean.SUBSYSTEM_TABLE.toCompositeData(status);

        assertThat(row.get("state")).isEqualTo("DISABLED");
        assertThat(AgentMXBean.SUBSYSTEM_TABLE.fromCompositeData(row)).isEqualTo(status);
        assertThat(ProcessesMXBean.PROCESS_TABLE.rowType().getDescription("residentBytes"))
                .isEqualTo("Resident set size (bytes)");
    }

    @Test
    void refusesUnsupportedComponentsAndUnknownIndexColumns() {
        record WithList(List<String> names) { }
        record Plain(String name) { }
        assertThatThrownBy(() -> RecordTable.of(WithList.class, "x", "names"))
                .hasMessageContaining("supported: String, int, long, double, boolean, enum");
        assertThatThrownBy(() -> RecordTable.of(Plain.class, "x", "id"))
                .hasMessageContaining("Index column 'id'");
    }
}
