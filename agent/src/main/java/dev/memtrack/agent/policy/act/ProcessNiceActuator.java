package dev.memtrack.agent.policy.act;

import dev.memtrack.agent.policy.rules.ActionSpec;
import dev.memtrack.agent.policy.rules.ActionVerb;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Raises the nice value of the OS processes named in {@code policy.processes} (by pid or name
 * pattern), 5 steps at a time up to 19, and restores it on undo. Every value is read back from
 * {@code /proc/<pid>/stat}; a renice that does not show there is a failure. Linux only.
 *
 * <p>Raising a nice value is allowed to the process's owner; lowering it back needs root or
 * CAP_SYS_NICE, so an undo may be refused, and says so. The agent's own JVM is never reniced.
 */
public final class ProcessNiceActuator implements Actuator {

    /** How much one action raises the nice value. */
    public static final int STEP = 5;
    /** The highest (kindest) nice value. */
    public static final int MAX_NICE = 19;

    private final List<ProcessSelector> selectors;
    private final ReniceCommand renice;
    private final ProcStat proc;
    private final long ownPid = ProcessHandle.current().pid();

    public ProcessNiceActuator(List<ProcessSelector> selectors) {
        this(selectors, List.of("renice"), Path.of("/proc"));
    }

    /**
     * @param reniceCommand the renice program and leading arguments (tests run it as another user)
     * @param procRoot      where {@code /proc} is
     */
    public ProcessNiceActuator(List<ProcessSelector> selectors, List<String> reniceCommand, Path procRoot) {
        this.selectors = List.copyOf(selectors);
        this.renice = new ReniceCommand(reniceCommand);
        this.proc = new ProcStat(procRoot);
    }

    @Override
    public Set<ActionVerb> verbs() {
        return Set.of(ActionVerb.RENICE);
    }

    @Override
    public Expansion options(ActionSpec action, Contribution contribution) {
        if (selectors.isEmpty()) {
            return Expansion.unavailable("renice", "policy.processes names no process");
        }
        if (!proc.available()) {
            return Expansion.unavailable("renice", "renice needs the /proc file system of Linux");
        }
        Map<String, String> unavailable = new LinkedHashMap<>();
        List<ActionOption> options = new ArrayList<>();
        for (long pid : resolve(unavailable)) {
            Target target = Target.process(pid);
            String key = ActionVerb.RENICE.text() + " " + target;
            OptionalInt nice = proc.nice(pid);
            if (nice.isEmpty()) {
                unavailable.put(key, "process " + pid + " has exited");
            } else if (nice.getAsInt() >= MAX_NICE) {
                unavailable.put(key, "process " + pid + " is already at nice " + MAX_NICE);
            } else {
                options.add(new ActionOption(ActionVerb.RENICE, target, 0, 0, "nice=" + nice.getAsInt(),
                        "nice=" + raised(nice.getAsInt())));
            }
        }
        return new Expansion(options, unavailable);
    }

    @Override
    public Change apply(ActionOption option) throws ActuatorException {
        long pid = option.target().pid();
        if (pid == ownPid) {
            throw new ActuatorException("process " + pid + " is the JVM the agent runs in: never reniced");
        }
        int before = proc.nice(pid).orElseThrow(() -> new ActuatorException("process " + pid + " has exited"));
        if (before >= MAX_NICE) {
            throw new ActuatorException("process " + pid + " is already at nice " + MAX_NICE);
        }
        int after = raised(before);
        setNice(pid, before, after, "raising");
        return new Change(ActionVerb.RENICE, option.target(), "nice", "nice=" + before, "nice=" + after, true,
                () -> restore(pid, after, before));
    }

    private String restore(long pid, int expected, int before) throws ActuatorException {
        int current = proc.nice(pid).orElseThrow(
                () -> new ActuatorException("process " + pid + " has exited: nothing to restore"));
        if (current != expected) {
            throw new ActuatorException("process " + pid + " has nice " + current + ", not the " + expected
                    + " the policy set: changed by someone else since, left as is");
        }
        setNice(pid, current, before, "restoring");
        return "nice=" + before;
    }

    private void setNice(long pid, int from, int to, String doing) throws ActuatorException {
        String errors = renice.run(to, proc.threadIds(pid));
        OptionalInt now = proc.nice(pid);
        if (now.isEmpty()) {
            throw new ActuatorException("process " + pid + " exited while " + doing + " its nice value");
        }
        if (now.getAsInt() != to) {
            String why = errors.isEmpty() ? "/proc/" + pid + "/stat still shows nice " + now.getAsInt() : errors;
            String hint = to < from ? " (lowering a nice value needs root or the CAP_SYS_NICE capability)" : "";
            throw new ActuatorException(doing + " nice of process " + pid + " from " + from + " to " + to
                    + " was refused: " + why + hint);
        }
    }

    private Set<Long> resolve(Map<String, String> unavailable) {
        Set<Long> pids = new LinkedHashSet<>();
        for (ProcessSelector s : selectors) {
            if (s instanceof ProcessSelector.Pid p) {
                String key = ActionVerb.RENICE.text() + " " + Target.process(p.pid());
                if (p.pid() == ownPid) {
                    unavailable.put(key, "process " + p.pid() + " is the JVM the agent runs in: never reniced");
                } else if (proc.nice(p.pid()).isEmpty()) {
                    unavailable.put(key, "process " + p.pid() + " does not exist");
                } else {
                    pids.add(p.pid());
                }
            } else {
                ProcessSelector.NamePattern pattern = (ProcessSelector.NamePattern) s;
                int found = 0;
                for (long pid : proc.processIds()) {
                    if (pid != ownPid && matches(pattern, pid)) {
                        pids.add(pid);
                        found++;
                    }
                }
                if (found == 0) {
                    unavailable.put(ActionVerb.RENICE.text() + " " + pattern,
                            "no running process is named like '" + pattern + "'");
                }
            }
        }
        return pids;
    }

    private boolean matches(ProcessSelector.NamePattern pattern, long pid) {
        if (pattern.matches(proc.name(pid))) {
            return true;
        }
        // comm is cut at 15 characters; the executable's file name is whole.
        return ProcessHandle.of(pid).flatMap(h -> h.info().command())
                .map(c -> Path.of(c).getFileName().toString())
                .filter(pattern::matches)
                .isPresent();
    }

    private static int raised(int nice) {
        return Math.min(MAX_NICE, nice + STEP);
    }
}
