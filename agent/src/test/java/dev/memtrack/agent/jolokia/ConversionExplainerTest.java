package dev.memtrack.agent.jolokia;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.agent.log.JsonWriter;
import dev.memtrack.mbeans.DescribedMBean;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.jolokia.json.JSONObject;
import org.jolokia.json.parser.JSONParser;
import org.jolokia.server.core.request.JolokiaRequest;
import org.jolokia.server.core.request.JolokiaRequestFactory;
import org.jolokia.server.core.request.ProcessingParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Finding the value Jolokia could not convert, with Jolokia's own converters, as its handlers would. */
class ConversionExplainerTest {

    /** Parameters of every simple type memtrack's MBeans use. */
    public interface SamplesMXBean {
        int getLimit();

        void setLimit(int limit);

        void take(int count, long bytes, double share, boolean flag, String name);
    }

    /** Accepts everything. */
    public static final class Samples implements SamplesMXBean {
        @Override
        public int getLimit() {
            return 0;
        }

        @Override
        public void setLimit(int limit) {
        }

        @Override
        public void take(int count, long bytes, double share, boolean flag, String name) {
        }
    }

    private static final String MBEAN = "test:type=Samples";

    private ConversionExplainer explainer;

    @BeforeEach
    void register() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        server.registerMBean(new DescribedMBean<>(new Samples(), SamplesMXBean.class), new ObjectName(MBEAN));
        explainer = new ConversionExplainer(server);
    }

    @Test
    void namesTheFirstArgumentThatCannotBeConvertedAndWhatItAccepts() throws Exception {
        assertThat(explainer.explain(List.of(take(1, 2, 0.5, true, "x")))).isEmpty();
        assertThat(explainer.explain(List.of(take("1", "2", "0.5", "true", "x")))).as("strings are parsed").isEmpty();

        assertThat(explainer.explain(List.of(take("one", 2, 0.5, true, "x")))).hasValue("Cannot call take of "
                + "test:type=Samples: argument 1 (count) \"one\" is not accepted for int: expected an integer from "
                + "-2147483648 to 2147483647, as a JSON number or a string");
        assertThat(explainer.explain(List.of(take(1, new BigInteger("9223372036854775808"), 0.5, true, "x"))))
                .get().asString().contains("argument 2 (bytes) 9223372036854775808 is not accepted for long: expected "
                        + "an integer from -9223372036854775808 to 9223372036854775807");
        assertThat(explainer.explain(List.of(take(1, 2, 5L, true, "x")))).get().asString()
                .contains("argument 3 (share) 5 is not accepted for double: expected a number: a JSON number with a "
                        + "decimal point or an exponent (5.0, 2.5e3) or a string (\"5\", \"NaN\"); Jolokia does not "
                        + "convert a JSON integer such as 5 to double");
        assertThat(explainer.explain(List.of(take(1, 2, 0.5, true, Map.of("a", 1))))).isEmpty();
    }

    @Test
    void aWrittenValueAndABulkRequestAreExplainedToo() throws Exception {
        JolokiaRequest write = request(Map.of("type", "write", "mbean", MBEAN, "attribute", "Limit", "value", "x".repeat(99)));
        assertThat(explainer.explain(List.of(write))).hasValue("Cannot write Limit of test:type=Samples: the value "
                + "\"" + "x".repeat(40) + "...\" (99 characters) is not accepted for int: expected an integer from "
                + "-2147483648 to 2147483647, as a JSON number or a string");

        assertThat(explainer.explain(List.of(request(Map.of("type", "version")), write))).get().asString()
                .startsWith("request 2 of the bulk request (the ones before it were executed, the ones after it were "
                        + "not): Cannot write Limit");
    }

    @Test
    void unknownOperationsAndMBeansAreLeftToJolokia() throws Exception {
        assertThat(explainer.explain(List.of(request(Map.of("type", "exec", "mbean", MBEAN, "operation", "nope",
                "arguments", List.of("x")))))).isEmpty();
        assertThat(explainer.explain(List.of(request(Map.of("type", "exec", "mbean", "test:type=None", "operation",
                "take", "arguments", List.of("x")))))).isEmpty();
    }

    private static JolokiaRequest take(Object... arguments) throws Exception {
        return request(Map.of("type", "exec", "mbean", MBEAN, "operation", "take", "arguments", List.of(arguments)));
    }

    private static JolokiaRequest request(Map<String, Object> json) throws Exception {
        // Through JSON, so that values have the types Jolokia's parser gives them.
        JSONObject parsed = (JSONObject) new JSONParser().parse(JsonWriter.write(json));
        return JolokiaRequestFactory.createPostRequest(parsed, new ProcessingParameters(Map.of()));
    }
}
