package dev.memtrack.agent.jolokia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which of an MBean's declared signatures an exec request's operation names, read from a real MBean server. */
class OperationSignaturesTest {

    /** Two overloads of one name, and another operation. */
    public interface OverloadsMXBean {
        void compare(int frames, String references);

        void compare(int frames);

        void reset();
    }

    public static final class Overloads implements OverloadsMXBean {
        @Override
        public void compare(int frames, String references) {
        }

        @Override
        public void compare(int frames) {
        }

        @Override
        public void reset() {
        }
    }

    private ObjectName mbean;
    private OperationSignatures signatures;

    @BeforeEach
    void register() throws Exception {
        mbean = new ObjectName("test:type=Overloads");
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        server.registerMBean(new Overloads(), mbean);
        signatures = new OperationSignatures(server);
    }

    @Test
    void aBareNameMeansEveryOverload() throws Exception {
        assertThat(types(signatures.of(mbean, "compare")))
                .containsExactlyInAnyOrder(List.of("int", "java.lang.String"), List.of("int"));
        assertThat(types(signatures.of(mbean, "reset"))).containsExactly(List.of());
    }

    @Test
    void parameterTypesInParenthesesPickTheOverloadWithExactlyThoseTypes() throws Exception {
        assertThat(types(signatures.of(mbean, "compare(int,java.lang.String)")))
                .containsExactly(List.of("int", "java.lang.String"));
        assertThat(types(signatures.of(mbean, "compare( int )"))).containsExactly(List.of("int"));
        assertThat(types(signatures.of(mbean, "reset()"))).containsExactly(List.of());
        assertThat(signatures.of(mbean, "compare()")).isEmpty();
        assertThat(signatures.of(mbean, "compare(long)")).isEmpty();
    }

    @Test
    void anUnknownOperationHasNoSignatureAndAnUnknownMBeanIsAnError() throws Exception {
        assertThat(signatures.of(mbean, "nope")).isEmpty();
        assertThatThrownBy(() -> signatures.of(ObjectName.getInstance("test:type=None"), "compare"))
                .isInstanceOf(InstanceNotFoundException.class);
    }

    @Test
    void theNameIsWhatComesBeforeTheParameterTypes() {
        assertThat(OperationSignatures.nameOf("compare(int,java.lang.String)")).isEqualTo("compare");
        assertThat(OperationSignatures.nameOf("compare")).isEqualTo("compare");
    }

    private static List<List<String>> types(List<MBeanParameterInfo[]> signatures) {
        return signatures.stream().map(s -> Arrays.stream(s).map(MBeanParameterInfo::getType).toList()).toList();
    }
}
