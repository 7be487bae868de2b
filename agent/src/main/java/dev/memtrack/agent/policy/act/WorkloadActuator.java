package dev.memtrack.agent.policy.act;

import dev.memtrack.agent.policy.rules.ActionSpec;
import dev.memtrack.agent.policy.rules.ActionVerb;
import dev.memtrack.agent.policy.rules.ProgramSelector;
import dev.memtrack.mbeans.MemtrackDomain;
import dev.memtrack.mbeans.Priority;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Governs workload programs through their {@code memtrack:type=Workload,name=<program>} MBeans: halves
 * parallelism, pauses. CRITICAL programs are never offered, and a program that became CRITICAL since
 * it was offered is refused. Attributes are read through the MBeanServer as open types, so programs
 * whose copy of the contract lives in another class loader work the same.
 */
public final class WorkloadActuator implements Actuator {

    private static final ObjectName PATTERN = MemtrackDomain.objectName(MemtrackDomain.WORKLOAD_PATTERN);

    private final MBeanServer server;
    private final JmxCalls jmx;

    public WorkloadActuator(MBeanServer server) {
        this.server = server;
        this.jmx = new JmxCalls(server);
    }

    /** One program as read now. */
    private record Program(String name, ObjectName objectName, Priority priority, int parallelism, boolean paused,
                           double cpuPercent, double allocationRate) {

        double figure(Contribution c) {
            return c == Contribution.CPU ? cpuPercent : allocationRate;
        }
    }

    @Override
    public Set<ActionVerb> verbs() {
        return Set.of(ActionVerb.REDUCE_PARALLELISM, ActionVerb.PAUSE);
    }

    @Override
    public Expansion options(ActionSpec action, Contribution contribution) {
        Map<String, String> unavailable = new LinkedHashMap<>();
        List<ActionOption> options = new ArrayList<>();
        List<Program> programs = scan(unavailable);
        ProgramSelector selector = action.programs();
        boolean anySelected = false;
        for (Program p : programs) {
            if (!selects(selector, p)) {
                continue;
            }
            anySelected = true;
            Target target = Target.workload(p.name());
            String refusal = p.priority() == Priority.CRITICAL ? "is CRITICAL: never throttled" : floor(action.verb(), p);
            if (refusal != null) {
                unavailable.put(action.verb().text() + " " + target, target + " " + refusal);
                continue;
            }
            options.add(new ActionOption(action.verb(), target, tier(selector, p), p.figure(contribution),
                    current(action.verb(), p), proposed(action.verb(), p)));
        }
        if (!anySelected) {
            unavailable.put(action.toString(), selector instanceof ProgramSelector.Named n
                    ? "no workload program registered as " + MemtrackDomain.workload(n.program())
                    : "no " + selector + " workload program is registered");
        }
        return new Expansion(options, unavailable);
    }

    @Override
    public Change apply(ActionOption option) throws ActuatorException {
        String name = option.target().id();
        Program p = read(find(name), name);
        if (p.priority() == Priority.CRITICAL) {
            throw new ActuatorException(option.target() + " is CRITICAL now: never throttled");
        }
        String floor = floor(option.verb(), p);
        if (floor != null) {
            throw new ActuatorException(option.target() + " " + floor);
        }
        if (option.verb() == ActionVerb.PAUSE) {
            jmx.set(p.objectName(), "Paused", Boolean.TRUE);
            boolean now = readPaused(p.objectName());
            if (!now) {
                throw new ActuatorException(option.target() + " accepted Paused=true but still reports Paused=false");
            }
            return new Change(ActionVerb.PAUSE, option.target(), "paused", "paused=false", "paused=true", true,
                    () -> restorePaused(name));
        }
        int after = halve(p.parallelism());
        jmx.set(p.objectName(), "Parallelism", after);
        int now = readParallelism(p.objectName());
        if (now == p.parallelism()) {
            throw new ActuatorException(option.target() + " accepted Parallelism=" + after
                    + " but still reports parallelism=" + now);
        }
        return new Change(ActionVerb.REDUCE_PARALLELISM, option.target(), "parallelism",
                "parallelism=" + p.parallelism(), "parallelism=" + now, true,
                () -> restoreParallelism(name, now, p.parallelism()));
    }

    private String restoreParallelism(String name, int expected, int before) throws ActuatorException {
        ObjectName on = find(name);
        int current = readParallelism(on);
        if (current != expected) {
            throw new ActuatorException("workload:" + name + " has parallelism=" + current + ", not the " + expected
                    + " the policy set: changed by someone else since, left as is");
        }
        jmx.set(on, "Parallelism", before);
        return "parallelism=" + readParallelism(on);
    }

    private String restorePaused(String name) throws ActuatorException {
        ObjectName on = find(name);
        if (!readPaused(on)) {
            throw new ActuatorException("workload:" + name
                    + " is running again: resumed by someone else since, left as is");
        }
        jmx.set(on, "Paused", Boolean.FALSE);
        return "paused=" + readPaused(on);
    }

    /** Half the parallelism, rounded up, at least 1: 8, 4, 2, 1. */
    static int halve(int parallelism) {
        return Math.max(1, (parallelism + 1) / 2);
    }

    private static boolean selects(ProgramSelector selector, Program p) {
        if (selector instanceof ProgramSelector.ByPriority byPriority) {
            return byPriority.tier(p.priority()) >= 0;
        }
        return ((ProgramSelector.Named) selector).program().equals(p.name());
    }

    private static int tier(ProgramSelector selector, Program p) {
        return selector instanceof ProgramSelector.ByPriority byPriority ? byPriority.tier(p.priority()) : 0;
    }

    /** Why the verb cannot go further on the program, or null. */
    private static String floor(ActionVerb verb, Program p) {
        if (p.paused()) {
            return "is already paused";
        }
        if (verb == ActionVerb.REDUCE_PARALLELISM && p.parallelism() <= 1) {
            return "is already at parallelism 1";
        }
        return null;
    }

    private static String current(ActionVerb verb, Program p) {
        return verb == ActionVerb.PAUSE ? "paused=false" : "parallelism=" + p.parallelism();
    }

    private static String proposed(ActionVerb verb, Program p) {
        return verb == ActionVerb.PAUSE ? "paused=true" : "parallelism=" + halve(p.parallelism());
    }

    private List<Program> scan(Map<String, String> unavailable) {
        List<Program> out = new ArrayList<>();
        for (ObjectName on : server.queryNames(PATTERN, null)) {
            String name = programName(on);
            try {
                out.add(read(on, name));
            } catch (ActuatorException e) {
                unavailable.put("workload:" + name, e.getMessage());
            }
        }
        out.sort(Comparator.comparing(Program::name));
        return out;
    }

    private ObjectName find(String name) throws ActuatorException {
        for (ObjectName on : server.queryNames(PATTERN, null)) {
            if (programName(on).equals(name)) {
                return on;
            }
        }
        throw new ActuatorException("workload:" + name + " is no longer registered");
    }

    private Program read(ObjectName on, String name) throws ActuatorException {
        Object priority = jmx.get(on, "Priority");
        Priority p;
        try {
            p = Priority.valueOf(String.valueOf(priority));
        } catch (IllegalArgumentException e) {
            throw new ActuatorException("workload:" + name + " reports an unknown priority '" + priority + "'");
        }
        return new Program(name, on, p, readParallelism(on), readPaused(on), number(on, "CpuPercent"),
                number(on, "AllocationRateBytesPerSecond"));
    }

    private int readParallelism(ObjectName on) throws ActuatorException {
        return ((Number) jmx.get(on, "Parallelism")).intValue();
    }

    private boolean readPaused(ObjectName on) throws ActuatorException {
        return Boolean.TRUE.equals(jmx.get(on, "Paused"));
    }

    // A figure a program cannot measure must not stop it from being governed: it ranks last.
    private double number(ObjectName on, String attribute) {
        try {
            double v = ((Number) jmx.get(on, attribute)).doubleValue();
            return Double.isFinite(v) ? v : 0;
        } catch (ActuatorException | RuntimeException e) {
            return 0;
        }
    }

    private static String programName(ObjectName on) {
        String name = on.getKeyProperty("name");
        if (name == null) {
            return on.getKeyPropertyListString();
        }
        return name.startsWith("\"") ? ObjectName.unquote(name) : name;
    }
}
