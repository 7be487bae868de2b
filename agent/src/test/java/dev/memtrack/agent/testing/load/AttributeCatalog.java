package dev.memtrack.agent.testing.load;

import dev.memtrack.agent.testing.JolokiaClient;
import dev.memtrack.mbeans.MemtrackDomain;
import dev.memtrack.mbeans.PolicyMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every readable attribute of every memtrack MBean registered in the JVM, from one Jolokia
 * {@code list} of the memtrack domain (so that MBeans added later, such as Allocations, join the
 * load by themselves).
 *
 * @param attributes every (MBean, attribute) pair
 * @param policy     the Policy MBean's attributes (empty when the policy engine is not installed)
 */
public record AttributeCatalog(List<Attribute> attributes, List<Attribute> policy) {

    /** One readable attribute. */
    public record Attribute(String mbean, String name) {
    }

    public AttributeCatalog {
        attributes = List.copyOf(attributes);
        policy = List.copyOf(policy);
    }

    @SuppressWarnings("unchecked")
    public static AttributeCatalog load(JolokiaClient jolokia) {
        JolokiaClient.Response list = jolokia.post(Map.of("type", "list", "path", MemtrackDomain.DOMAIN));
        if (list.status() != 200 || !(list.value() instanceof Map<?, ?> beans)) {
            throw new IllegalStateException("cannot list the memtrack domain: " + list.body());
        }
        String policyName = MemtrackDomain.objectName(PolicyMXBean.OBJECT_NAME).getCanonicalName();
        List<Attribute> all = new ArrayList<>();
        List<Attribute> policy = new ArrayList<>();
        beans.forEach((properties, info) -> {
            String mbean = MemtrackDomain.DOMAIN + ":" + properties;
            Object attributes = ((Map<String, Object>) info).get("attr");
            if (!(attributes instanceof Map<?, ?> attrs)) {
                return;
            }
            attrs.forEach((name, description) -> {
                if (Boolean.TRUE.equals(((Map<String, Object>) description).get("r"))) {
                    Attribute a = new Attribute(mbean, (String) name);
                    all.add(a);
                    if (MemtrackDomain.objectName(mbean).getCanonicalName().equals(policyName)) {
                        policy.add(a);
                    }
                }
            });
        });
        if (all.isEmpty()) {
            throw new IllegalStateException("no readable memtrack attributes in " + list.body());
        }
        return new AttributeCatalog(all, policy);
    }

    /** How many MBeans the attributes belong to. */
    public long mbeanCount() {
        return attributes.stream().map(Attribute::mbean).distinct().count();
    }
}
