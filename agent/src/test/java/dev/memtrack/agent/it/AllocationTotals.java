package dev.memtrack.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.agent.testing.JolokiaClient;
import dev.memtrack.mbeans.AllocationsMXBean;
import java.util.List;
import java.util.Map;

/** The totals of the Allocations MBean, read in one Jolokia request. */
final class AllocationTotals {

    private AllocationTotals() {
    }

    /**
     * Whether {@code TotalAllocatedBytes = TrackedAllocatedBytes + UnattributedBytes}. The three getters
     * of one request read the same snapshot unless it is rebuilt between them: a few tries.
     */
    static boolean addUp(JolokiaClient jolokia) {
        for (int attempt = 0; attempt < 5; attempt++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> v = (Map<String, Object>) jolokia.post(Map.of("type", "read",
                    "mbean", AllocationsMXBean.OBJECT_NAME,
                    "attribute", List.of("TotalAllocatedBytes", "TrackedAllocatedBytes", "UnattributedBytes"))).value();
            long total = ((Number) v.get("TotalAllocatedBytes")).longValue();
            long tracked = ((Number) v.get("TrackedAllocatedBytes")).longValue();
            long unattributed = ((Number) v.get("UnattributedBytes")).longValue();
            assertThat(tracked).isPositive();
            assertThat(unattributed).isNotNegative();
            if (total == tracked + unattributed) {
                return true;
            }
        }
        return false;
    }
}
