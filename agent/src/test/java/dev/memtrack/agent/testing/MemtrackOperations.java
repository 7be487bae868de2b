package dev.memtrack.agent.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every operation and writable attribute of every memtrack MBean, as Jolokia's {@code list} on the
 * {@code memtrack} domain describes them: what a client can call. MBeans registered later (allocation
 * tracking, a program of the application) are found the same way.
 */
public final class MemtrackOperations {

    /** One parameter: its name and Java type as Jolokia lists it ({@code int}, {@code java.lang.String}). */
    public record Parameter(String name, String type) {
    }

    /**
     * Something to call: an operation with its parameters, or a writable attribute (one parameter, its
     * value).
     */
    public record Target(String mbean, String name, boolean attribute, List<Parameter> parameters) {

        @Override
        public String toString() {
            return mbean + (attribute ? " write " : " exec ") + name + parameters.stream().map(Parameter::type).toList();
        }
    }

    private MemtrackOperations() {
    }

    @SuppressWarnings("unchecked")
    public static List<Target> discover(JolokiaClient jolokia) {
        JolokiaClient.Response list = jolokia.post(Map.of("type", "list", "path", "memtrack"));
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<Target> targets = new ArrayList<>();
        ((Map<String, Object>) list.value()).forEach((keys, info) -> {
            String mbean = "memtrack:" + keys;
            Map<String, Object> bean = (Map<String, Object>) info;
            Map<String, Object> ops = (Map<String, Object>) bean.getOrDefault("op", Map.of());
            ops.forEach((name, op) -> {
                // An overloaded operation is listed as an array of signatures.
                for (Object signature : op instanceof List<?> overloads ? overloads : List.of(op)) {
                    List<Parameter> parameters = new ArrayList<>();
                    for (Object arg : (List<Object>) ((Map<String, Object>) signature).get("args")) {
                        Map<String, Object> a = (Map<String, Object>) arg;
                        parameters.add(new Parameter(String.valueOf(a.get("name")), String.valueOf(a.get("type"))));
                    }
                    targets.add(new Target(mbean, name, false, parameters));
                }
            });
            Map<String, Object> attributes = (Map<String, Object>) bean.getOrDefault("attr", Map.of());
            attributes.forEach((name, attr) -> {
                Map<String, Object> a = (Map<String, Object>) attr;
                if (Boolean.TRUE.equals(a.get("rw"))) {
                    targets.add(new Target(mbean, name, true, List.of(new Parameter(name, String.valueOf(a.get("type"))))));
                }
            });
        });
        return targets;
    }
}
