package dev.memtrack.agent.policy.act;

import dev.memtrack.agent.policy.rules.ActionSpec;
import dev.memtrack.agent.policy.rules.ActionVerb;
import dev.memtrack.mbeans.MemtrackDomain;
import dev.memtrack.mbeans.StressSimulatorMXBean;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * Stops the memory-stress generator ({@code memtrack:type=Simulator,name=Stress}). When no generator
 * is registered, or it is not running, the action is unavailable: not an error.
 *
 * <p>Undo restarts it with the target, rate and pattern it had. The engine never does that on its
 * own (a stress load coming back by itself helps nobody): only {@code undoAll} does.
 */
public final class StressActuator implements Actuator {

    private static final ObjectName NAME = MemtrackDomain.objectName(StressSimulatorMXBean.OBJECT_NAME);
    private static final long MIB = 1024L * 1024L;

    private final JmxCalls jmx;

    public StressActuator(MBeanServer server) {
        this.jmx = new JmxCalls(server);
    }

    /** What the generator was doing, enough to start it again. */
    private record Run(String pattern, long targetBytes, long rateBytesPerSecond) {

        int targetMb() {
            return (int) Math.max(1, Math.min(Integer.MAX_VALUE, targetBytes / MIB));
        }

        int rateMb() {
            return (int) Math.max(1, Math.min(Integer.MAX_VALUE, rateBytesPerSecond / MIB));
        }

        String describe() {
            return "running " + pattern + " to " + targetMb() + " MiB at " + rateMb() + " MiB/s";
        }
    }

    @Override
    public Set<ActionVerb> verbs() {
        return Set.of(ActionVerb.STOP_STRESS);
    }

    @Override
    public Expansion options(ActionSpec action, Contribution contribution) {
        String key = ActionVerb.STOP_STRESS.text() + " " + Target.STRESS;
        if (!jmx.isRegistered(NAME)) {
            return Expansion.unavailable(key, "no stress generator is registered as " + NAME);
        }
        try {
            Run run = running();
            if (run == null) {
                return Expansion.unavailable(key, "the stress generator is not running");
            }
            return new Expansion(List.of(new ActionOption(ActionVerb.STOP_STRESS, Target.STRESS, 0, 0,
                    run.describe(), "stopped")), Map.of());
        } catch (ActuatorException e) {
            return Expansion.unavailable(key, e.getMessage());
        }
    }

    @Override
    public Change apply(ActionOption option) throws ActuatorException {
        Run run = running();
        if (run == null) {
            throw new ActuatorException("the stress generator is not running");
        }
        jmx.invoke(NAME, "stop", new Object[0], new String[0]);
        if (isRunning()) {
            throw new ActuatorException("the stress generator still runs after stop()");
        }
        return new Change(ActionVerb.STOP_STRESS, Target.STRESS, "running", run.describe(), "stopped", false,
                () -> restart(run));
    }

    private String restart(Run run) throws ActuatorException {
        if (!jmx.isRegistered(NAME)) {
            throw new ActuatorException("no stress generator is registered any more: nothing to restart");
        }
        if (isRunning()) {
            throw new ActuatorException("the stress generator was started again by someone else since, left as is");
        }
        jmx.invoke(NAME, "start", new Object[] {run.targetMb(), run.rateMb(), run.pattern()},
                new String[] {int.class.getName(), int.class.getName(), String.class.getName()});
        return isRunning() ? run.describe() : "stopped";
    }

    private Run running() throws ActuatorException {
        if (!isRunning()) {
            return null;
        }
        CompositeData status = (CompositeData) jmx.get(NAME, "Status");
        return new Run(String.valueOf(status.get("pattern")), ((Number) status.get("targetBytes")).longValue(),
                ((Number) status.get("rateBytesPerSecond")).longValue());
    }

    private boolean isRunning() throws ActuatorException {
        return Boolean.TRUE.equals(jmx.get(NAME, "Running"));
    }
}
