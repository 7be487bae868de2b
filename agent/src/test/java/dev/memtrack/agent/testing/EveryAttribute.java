package dev.memtrack.agent.testing;

import static org.assertj.core.api.Assertions.assertThat;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.SimpleType;

/** Reads every attribute of an MBean the ways consoles do, checking what JConsole would show. */
public final class EveryAttribute {

    private EveryAttribute() {
    }

    /** Every attribute the MBeanInfo lists reads over Jolokia with status 200 and a value. */
    public static void readOverJolokia(JolokiaClient jolokia, MBeanServerConnection server, String bean)
            throws Exception {
        MBeanInfo info = server.getMBeanInfo(new ObjectName(bean));
        assertThat(info.getAttributes()).as(bean).isNotEmpty();
        for (MBeanAttributeInfo attribute : info.getAttributes()) {
            JolokiaClient.Response r = jolokia.read(bean, attribute.getName());
            assertThat(r.status()).as("%s %s: %s", bean, attribute.getName(), r.body()).isEqualTo(200);
            assertThat(r.json()).as("%s %s", bean, attribute.getName()).containsKey("value");
        }
    }

    /**
     * Every attribute reads over JMX and has a real description (not the JDK's default text), numeric
     * ones a unit; the bean and its operations are described too.
     */
    public static void readOverJmxWithDescriptionsAndUnits(MBeanServerConnection server, String bean)
            throws Exception {
        ObjectName name = new ObjectName(bean);
        MBeanInfo info = server.getMBeanInfo(name);
        assertThat(info.getDescription()).as(bean).isNotBlank().doesNotContain("Information on the management interface");
        for (MBeanAttributeInfo a : info.getAttributes()) {
            assertThat(a.getDescription()).as("%s %s", bean, a.getName()).isNotBlank().isNotEqualTo(a.getName())
                    .doesNotContain("exposed for management");
            Object openType = a.getDescriptor().getFieldValue("openType");
            if (openType == SimpleType.LONG || openType == SimpleType.INTEGER || openType == SimpleType.DOUBLE) {
                assertThat(a.getDescriptor().getFieldValue("units")).as("units of %s %s", bean, a.getName()).isNotNull();
            }
            assertThat(server.getAttribute(name, a.getName())).as("%s %s", bean, a.getName()).isNotNull();
        }
        for (MBeanOperationInfo op : info.getOperations()) {
            assertThat(op.getDescription()).as("%s %s", bean, op.getName()).isNotBlank().isNotEqualTo(op.getName())
                    .doesNotContain("exposed for management");
        }
    }
}
