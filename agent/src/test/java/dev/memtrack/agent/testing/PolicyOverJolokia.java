package dev.memtrack.agent.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.mbeans.PolicyMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code memtrack:type=Policy} over Jolokia, as a person drives it with curl: operations, the mode,
 * the recent decisions and the rules. Numbers go as strings ({@code "80"}): Jolokia converts a string
 * to the operation's {@code double}, but refuses a JSON integer for it.
 */
public final class PolicyOverJolokia {

    /** One row of RecentDecisions. */
    public record Decision(long id, long timeMillis, String rule, String action, String target, String before,
                           String after, String mode, String outcome, String message) {

        static Decision of(Map<String, Object> row) {
            return new Decision(((Number) row.get("id")).longValue(), ((Number) row.get("timeMillis")).longValue(),
                    (String) row.get("rule"), (String) row.get("action"), (String) row.get("target"),
                    (String) row.get("before"), (String) row.get("after"), (String) row.get("mode"),
                    (String) row.get("outcome"), (String) row.get("message"));
        }

        /** e.g. {@code heap-high reduce-parallelism workload:batch-job parallelism=4 -> parallelism=2 PENDING}. */
        public String brief() {
            return rule + " " + action + " " + target + " " + before + " -> " + after + " " + outcome;
        }
    }

    private final JolokiaClient jolokia;

    public PolicyOverJolokia(JolokiaClient jolokia) {
        this.jolokia = jolokia;
    }

    /** Calls an operation and returns Jolokia's whole answer, refusals included. */
    public JolokiaClient.Response exec(String operation, Object... arguments) {
        return jolokia.exec(PolicyMXBean.OBJECT_NAME, operation, arguments);
    }

    /** Calls an operation that must succeed; returns its value. */
    public Object call(String operation, Object... arguments) {
        JolokiaClient.Response r = exec(operation, arguments);
        assertThat(r.status()).as("%s%s: %s", operation, List.of(arguments), r.body()).isEqualTo(200);
        return r.value();
    }

    public void setThreshold(String rule, double value) {
        call("setThreshold", rule, Double.toString(value));
    }

    public void setMode(String mode) {
        JolokiaClient.Response r = jolokia.write(PolicyMXBean.OBJECT_NAME, "Mode", mode);
        assertThat(r.status()).as("writing Mode %s: %s", mode, r.body()).isEqualTo(200);
    }

    public String mode() {
        return (String) read("Mode");
    }

    /** Every kept decision in its latest version, oldest first. */
    @SuppressWarnings("unchecked")
    public List<Decision> decisions() {
        Map<String, Object> byId = (Map<String, Object>) read("RecentDecisions");
        List<Decision> out = new ArrayList<>();
        byId.values().forEach(row -> out.add(Decision.of((Map<String, Object>) row)));
        out.sort(Comparator.comparingLong(Decision::id));
        return out;
    }

    /** Decisions newer than {@code afterId}, oldest first. */
    public List<Decision> decisionsAfter(long afterId) {
        return decisions().stream().filter(d -> d.id() > afterId).toList();
    }

    /** The id of the newest decision, 0 if none. */
    public long lastDecisionId() {
        List<Decision> all = decisions();
        return all.isEmpty() ? 0 : all.get(all.size() - 1).id();
    }

    /** One row of the Rules table, as Jolokia renders it. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> rule(String name) {
        return (Map<String, Object>) ((Map<String, Object>) read("Rules")).get(name);
    }

    public Object read(String attribute) {
        JolokiaClient.Response r = jolokia.read(PolicyMXBean.OBJECT_NAME, attribute);
        assertThat(r.status()).as("reading %s: %s", attribute, r.body()).isEqualTo(200);
        return r.value();
    }
}
