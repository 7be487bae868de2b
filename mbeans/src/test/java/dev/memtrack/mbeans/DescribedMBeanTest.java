package dev.memtrack.mbeans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import javax.management.Attribute;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tables reach JMX clients as TabularData with their rows, not as the bean properties of a TabularData. */
class DescribedMBeanTest {

    private static final List<FrameRow> FRAMES = List.of(
            new FrameRow(0, true, "", 7, 1, 3, 2, false),
            new FrameRow(1, false, "", -1, -1, -1, 0, false));

    private MBeanServer server;
    private ObjectName name;

    @BeforeEach
    void register() throws Exception {
        server = MBeanServerFactory.newMBeanServer();
        name = new ObjectName(PagingSimulatorMXBean.OBJECT_NAME);
        server.registerMBean(new DescribedMBean<>(paging(), PagingSimulatorMXBean.class), name);
    }

    @Test
    void tabularAttributeIsTheTableWithItsRows() throws Exception {
        Object value = server.getAttribute(name, "FrameTable");

        assertThat(value).isInstanceOf(TabularData.class);
        assertThat(PagingSimulatorMXBean.FRAME_TABLE.fromTabularData((TabularData) value)).isEqualTo(FRAMES);
    }

    @Test
    void tabularAttributeIsPublishedAsTabularData() throws Exception {
        MBeanInfo info = server.getMBeanInfo(name);
        MBeanAttributeInfo frameTable = Arrays.stream(info.getAttributes())
                .filter(a -> a.getName().equals("FrameTable")).findFirst().orElseThrow();
        MBeanOperationInfo compare = Arrays.stream(info.getOperations())
                .filter(o -> o.getName().equals("compare")).findFirst().orElseThrow();

        assertThat(frameTable.getType()).isEqualTo(TabularData.class.getName());
        assertThat(frameTable.getDescription()).isEqualTo("Frame table of the step-wise session: which page each frame holds");
        assertThat(compare.getReturnType()).isEqualTo(TabularData.class.getName());
        assertThat(compare.getSignature()[0].getName()).isEqualTo("frames");
        assertThat(compare.getImpact()).isEqualTo(MBeanOperationInfo.INFO);
    }

    @Test
    void bulkReadsIncludeTables() throws Exception {
        List<Attribute> values = server.getAttributes(name, new String[] {"FrameTable", "Frames"}).asList();

        assertThat(values).extracting(Attribute::getName).containsExactly("FrameTable", "Frames");
        assertThat(values.get(0).getValue()).isInstanceOf(TabularData.class);
    }

    @Test
    void tabularOperationReturnsTheTable() throws Exception {
        Object value = server.invoke(name, "compare", new Object[] {2, "1,2,1"},
                new String[] {"int", "java.lang.String"});

        assertThat(value).isInstanceOf(TabularData.class);
        assertThat(PagingSimulatorMXBean.RESULT_TABLE.fromTabularData((TabularData) value))
                .extracting(PagingResult::algorithm).containsExactly("FIFO");
    }

    @Test
    void failureOfATabularOperationReachesTheClientWithItsMessage() {
        assertThatThrownBy(() -> server.invoke(name, "compare", new Object[] {0, "1"},
                new String[] {"int", "java.lang.String"}))
                .isInstanceOf(RuntimeMBeanException.class)
                .cause().isInstanceOf(IllegalArgumentException.class).hasMessage("Frames must be 1-4096, got 0");
    }

    @Test
    void otherMembersAreStillMappedAsMXBeanOpenTypes() throws Exception {
        assertThat(server.getAttribute(name, "Statistics")).isInstanceOf(CompositeData.class);
        assertThat(server.getAttribute(name, "Algorithms")).isEqualTo(new String[] {"FIFO"});
    }

    private static PagingSimulatorMXBean paging() {
        return (PagingSimulatorMXBean) Proxy.newProxyInstance(PagingSimulatorMXBean.class.getClassLoader(),
                new Class<?>[] {PagingSimulatorMXBean.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getFrameTable" -> PagingSimulatorMXBean.FRAME_TABLE.toTabularData(FRAMES);
                    case "getFrames" -> 2;
                    case "getAlgorithms" -> new String[] {"FIFO"};
                    case "getStatistics" -> new PagingStatistics(3, 2, 1, 1 / 3.0, 0);
                    case "compare" -> {
                        int frames = (int) args[0];
                        if (frames < 1) {
                            throw new IllegalArgumentException("Frames must be 1-4096, got " + frames);
                        }
                        yield PagingSimulatorMXBean.RESULT_TABLE.toTabularData(
                                List.of(new PagingResult("FIFO", frames, 3, 2, 1, 1 / 3.0, 0)));
                    }
                    default -> null;
                });
    }
}
