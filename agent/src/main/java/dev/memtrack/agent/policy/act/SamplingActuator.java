package dev.memtrack.agent.policy.act;

import dev.memtrack.agent.policy.rules.ActionSpec;
import dev.memtrack.agent.policy.rules.ActionVerb;
import dev.memtrack.mbeans.AllocationsMXBean;
import dev.memtrack.mbeans.MemtrackDomain;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Makes the agent's own allocation tracking ({@code memtrack:type=Allocations}) cheaper when the
 * machine is overloaded: from EXACT to SAMPLED first, then a sampling interval four times longer, up
 * to 1 GiB. Undo restores the mode or interval. Unavailable when the tracker is absent or OFF.
 */
public final class SamplingActuator implements Actuator {

    /** Largest sampling interval the tracker accepts. */
    public static final long MAX_INTERVAL_BYTES = 1L << 30;
    /** How much one step lengthens the sampling interval. */
    public static final int FACTOR = 4;

    private static final ObjectName NAME = MemtrackDomain.objectName(AllocationsMXBean.OBJECT_NAME);

    private final JmxCalls jmx;

    public SamplingActuator(MBeanServer server) {
        this.jmx = new JmxCalls(server);
    }

    @Override
    public Set<ActionVerb> verbs() {
        return Set.of(ActionVerb.SAMPLE_LESS);
    }

    @Override
    public Expansion options(ActionSpec action, Contribution contribution) {
        String key = ActionVerb.SAMPLE_LESS.text() + " " + Target.AGENT_SAMPLING;
        if (!jmx.isRegistered(NAME)) {
            return Expansion.unavailable(key, "allocation tracking is not running (no " + NAME + ")");
        }
        try {
            String mode = mode();
            long interval = interval();
            String why = floor(mode, interval);
            if (why != null) {
                return Expansion.unavailable(key, why);
            }
            return new Expansion(List.of(new ActionOption(ActionVerb.SAMPLE_LESS, Target.AGENT_SAMPLING, 0, 0,
                    describe(mode, interval), describe("SAMPLED", next(mode, interval)))), Map.of());
        } catch (ActuatorException e) {
            return Expansion.unavailable(key, e.getMessage());
        }
    }

    @Override
    public Change apply(ActionOption option) throws ActuatorException {
        String mode = mode();
        long interval = interval();
        String why = floor(mode, interval);
        if (why != null) {
            throw new ActuatorException(why);
        }
        String before = describe(mode, interval);
        if ("EXACT".equals(mode)) {
            jmx.set(NAME, "Mode", "SAMPLED");
            String after = describe(mode(), interval());
            if (!"SAMPLED".equals(mode())) {
                throw new ActuatorException("allocation tracking accepted Mode=SAMPLED but reports " + after);
            }
            return new Change(ActionVerb.SAMPLE_LESS, Target.AGENT_SAMPLING, "mode", before, after, true,
                    this::restoreExact);
        }
        long longer = next(mode, interval);
        jmx.set(NAME, "SamplingIntervalBytes", longer);
        long now = interval();
        if (now != longer) {
            throw new ActuatorException("allocation tracking accepted SamplingIntervalBytes=" + longer
                    + " but reports " + now);
        }
        return new Change(ActionVerb.SAMPLE_LESS, Target.AGENT_SAMPLING, "interval", before, describe(mode, now),
                true, () -> restoreInterval(now, interval));
    }

    private String restoreExact() throws ActuatorException {
        String mode = mode();
        if (!"SAMPLED".equals(mode)) {
            throw new ActuatorException("allocation tracking is " + mode
                    + " now, not the SAMPLED the policy set: changed by someone else since, left as is");
        }
        jmx.set(NAME, "Mode", "EXACT");
        return describe(mode(), interval());
    }

    private String restoreInterval(long expected, long before) throws ActuatorException {
        long current = interval();
        if (current != expected) {
            throw new ActuatorException("allocation sampling interval is " + current + " bytes, not the " + expected
                    + " the policy set: changed by someone else since, left as is");
        }
        jmx.set(NAME, "SamplingIntervalBytes", before);
        return describe(mode(), interval());
    }

    private static String floor(String mode, long interval) {
        if ("OFF".equals(mode)) {
            return "allocation tracking is OFF";
        }
        if ("SAMPLED".equals(mode) && interval >= MAX_INTERVAL_BYTES) {
            return "allocation sampling interval is already " + MAX_INTERVAL_BYTES + " bytes, the longest";
        }
        return null;
    }

    private static long next(String mode, long interval) {
        return "EXACT".equals(mode) ? interval : Math.min(MAX_INTERVAL_BYTES, interval * FACTOR);
    }

    private static String describe(String mode, long interval) {
        return "SAMPLED".equals(mode) ? "mode=SAMPLED, interval=" + interval + " bytes" : "mode=" + mode;
    }

    private String mode() throws ActuatorException {
        return String.valueOf(jmx.get(NAME, "Mode"));
    }

    private long interval() throws ActuatorException {
        return ((Number) jmx.get(NAME, "SamplingIntervalBytes")).longValue();
    }
}
