package dev.memtrack.agent.alloc.workload;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToLongFunction;

/**
 * A real library at work: Jackson writes orders to JSON and reads them back as trees, maps and
 * beans (created reflectively by Jackson). Returns the JVM's count of bytes this thread allocated.
 */
public final class JacksonWorkload implements IntToLongFunction {

    private static final com.sun.management.ThreadMXBean MX =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    public static volatile long checksum;

    @Override
    public long applyAsLong(int rounds) {
        long before = MX.getCurrentThreadAllocatedBytes();
        try {
            ObjectMapper mapper = new ObjectMapper();
            for (int r = 0; r < rounds; r++) {
                List<Order> orders = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    orders.add(new Order(r * 1000L + i, "customer-" + i, List.of("a", "b" + i), i * 1.5));
                }
                String json = mapper.writeValueAsString(orders);
                JsonNode tree = mapper.readTree(json);
                List<Map<String, Object>> maps = mapper.readValue(json, new TypeReference<>() { });
                List<Order> back = mapper.readValue(json, new TypeReference<>() { });
                checksum += json.length() + tree.size() + maps.size() + back.get(back.size() - 1).getId();
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return MX.getCurrentThreadAllocatedBytes() - before;
    }

    /** A bean Jackson instantiates reflectively and fills through setters. */
    public static final class Order {
        private long id;
        private String customer;
        private List<String> tags;
        private double total;
        private Map<String, Object> extra = new LinkedHashMap<>();

        public Order() {
        }

        Order(long id, String customer, List<String> tags, double total) {
            this.id = id;
            this.customer = customer;
            this.tags = tags;
            this.total = total;
            this.extra.put("priority", id % 3);
        }

        public long getId() {
            return id;
        }

        public void setId(long id) {
            this.id = id;
        }

        public String getCustomer() {
            return customer;
        }

        public void setCustomer(String customer) {
            this.customer = customer;
        }

        public List<String> getTags() {
            return tags;
        }

        public void setTags(List<String> tags) {
            this.tags = tags;
        }

        public double getTotal() {
            return total;
        }

        public void setTotal(double total) {
            this.total = total;
        }

        public Map<String, Object> getExtra() {
            return extra;
        }

        public void setExtra(Map<String, Object> extra) {
            this.extra = extra;
        }
    }
}
