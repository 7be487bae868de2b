package dev.memtrack.agent.jolokia;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import javax.management.ObjectName;
import org.jolokia.server.core.restrictor.policy.PolicyRestrictor;
import org.jolokia.server.core.util.RequestType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped policy, read by Jolokia's own PolicyRestrictor: least privilege as documented. */
class DefaultPolicyTest {

    private static PolicyRestrictor policy;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = JolokiaSettings.class.getResourceAsStream(JolokiaSettings.DEFAULT_POLICY)) {
            policy = new PolicyRestrictor(in);
        }
    }

    private static ObjectName name(String n) throws Exception {
        return new ObjectName(n);
    }

    @Test
    void readListSearchVersionAndNotificationAreAllowedWriteAndExecAreNot() {
        for (RequestType t : new RequestType[] {RequestType.READ, RequestType.LIST, RequestType.SEARCH,
                RequestType.VERSION, RequestType.NOTIFICATION}) {
            assertThat(policy.isTypeAllowed(t)).as(t.getName()).isTrue();
        }
        assertThat(policy.isTypeAllowed(RequestType.WRITE)).isFalse();
        assertThat(policy.isTypeAllowed(RequestType.EXEC)).isFalse();
    }

    @Test
    void memtrackBeansAreWritableAndExecutable() throws Exception {
        assertThat(policy.isAttributeWriteAllowed(name("memtrack:type=Processes"), "TopN")).isTrue();
        assertThat(policy.isOperationAllowed(name("memtrack:type=Simulator,name=Stress"), "start")).isTrue();
        assertThat(policy.isAttributeReadAllowed(name("memtrack:type=Heap"), "HeapUsedBytes")).isTrue();
    }

    @Test
    void pullModeNotificationsCanBeFetched() throws Exception {
        assertThat(policy.isOperationAllowed(name("jolokia:type=NotificationStore,agent=abc-jvm"), "pull")).isTrue();
        assertThat(policy.isOperationAllowed(name("jolokia:type=Config,agent=abc-jvm"), "debugInfo")).isFalse();
    }

    @Test
    void platformBeansAreReadableButNotWritableNorExecutable() throws Exception {
        assertThat(policy.isAttributeReadAllowed(name("java.lang:type=Memory"), "HeapMemoryUsage")).isTrue();
        assertThat(policy.isAttributeWriteAllowed(name("java.lang:type=Memory"), "Verbose")).isFalse();
        assertThat(policy.isOperationAllowed(name("java.lang:type=Memory"), "gc")).isFalse();
    }

    @Test
    void dangerousBeansAreDeniedForReadAndExec() throws Exception {
        String[] dangerous = {"com.sun.management:type=DiagnosticCommand", "com.sun.management:type=HotSpotDiagnostic",
            "jdk.management.jfr:type=FlightRecorder", "java.util.logging:type=Logging",
            "ch.qos.logback.classic:Name=default,Type=ch.qos.logback.classic.jmx.JMXConfigurator",
            "org.apache.logging.log4j2:type=1234"};
        for (String bean : dangerous) {
            assertThat(policy.isAttributeReadAllowed(name(bean), "Anything")).as("read " + bean).isFalse();
            assertThat(policy.isOperationAllowed(name(bean), "anything")).as("exec " + bean).isFalse();
        }
        assertThat(policy.isOperationAllowed(name("com.sun.management:type=HotSpotDiagnostic"), "dumpHeap")).isFalse();
        assertThat(policy.isOperationAllowed(name("com.sun.management:type=DiagnosticCommand"), "jvmtiAgentLoad"))
                .isFalse();
        assertThat(policy.isOperationAllowed(name("jdk.management.jfr:type=FlightRecorder"), "copyTo")).isFalse();
    }
}
