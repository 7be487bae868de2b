package dev.memtrack.agent.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Jolokia pull-mode subscription to the notifications of one MBean: register a client, add a
 * listener, then pull from Jolokia's notification store (exec {@code pull}).
 *
 * @param store the ObjectName of Jolokia's notification store for this agent
 */
public record JolokiaNotifications(JolokiaClient jolokia, String client, Object handle, String store) {

    /** Registers a client and subscribes it to {@code mbean}; fails the test if Jolokia refuses. */
    @SuppressWarnings("unchecked")
    public static JolokiaNotifications subscribe(JolokiaClient jolokia, String mbean) {
        JolokiaClient.Response register = jolokia.post(Map.of("type", "notification", "command", "register"));
        if (register.status() != 200) {
            throw new AssertionError("notification register refused: " + register.body());
        }
        Map<String, Object> value = (Map<String, Object>) register.value();
        String client = (String) value.get("id");
        String store = (String) ((Map<String, Object>) ((Map<String, Object>) value.get("backend")).get("pull"))
                .get("store");
        JolokiaClient.Response add = jolokia.post(Map.of("type", "notification", "command", "add", "client", client,
                "mode", "pull", "mbean", mbean));
        if (add.status() != 200) {
            throw new AssertionError("notification add refused: " + add.body());
        }
        return new JolokiaNotifications(jolokia, client, add.value(), store);
    }

    /** One pull: the notifications received since the last one (Jolokia's JSON form), possibly none. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> pull() {
        JolokiaClient.Response r = jolokia.exec(store, "pull", client, handle);
        if (r.status() != 200) {
            throw new AssertionError("pull refused: " + r.body());
        }
        Map<String, Object> value = (Map<String, Object>) r.value();
        return value == null ? List.of() : (List<Map<String, Object>>) value.get("notifications");
    }

    /** Pulls until something arrived (delivery to the store is asynchronous), within {@link ChildJvm#TIMEOUT}. */
    public List<Map<String, Object>> awaitSome() throws InterruptedException {
        long deadline = System.nanoTime() + ChildJvm.TIMEOUT.toNanos();
        List<Map<String, Object>> all = new ArrayList<>(pull());
        while (all.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            all.addAll(pull());
        }
        return all;
    }
}
