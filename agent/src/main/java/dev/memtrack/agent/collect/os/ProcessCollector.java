package dev.memtrack.agent.collect.os;

import java.util.ArrayList;
import java.util.List;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Reads every process of the machine through OSHI. Slow on first use (JNA): construct it on an agent
 * thread. Not thread-safe: used by the sampler thread only.
 */
public final class ProcessCollector {

    private final OperatingSystem os = new SystemInfo().getOperatingSystem();

    public ProcessSnapshot sample() {
        long nanos = System.nanoTime();
        long millis = System.currentTimeMillis();
        List<ProcessSample> samples = new ArrayList<>();
        for (OSProcess p : os.getProcesses()) {
            samples.add(new ProcessSample(p.getProcessID(), p.getStartTime(), p.getName(), p.getUser(),
                    state(p.getState()), p.getKernelTime() + p.getUserTime(), p.getResidentMemory(),
                    p.getVirtualSize(), p.getThreadCount()));
        }
        return new ProcessSnapshot(nanos, millis, samples);
    }

    /** The contract's states: RUNNING, SLEEPING, WAITING, ZOMBIE, STOPPED, OTHER. */
    static String state(OSProcess.State state) {
        if (state == null) {
            return "OTHER";
        }
        return switch (state) {
            case RUNNING, SLEEPING, WAITING, ZOMBIE, STOPPED -> state.name();
            case SUSPENDED -> "STOPPED";
            default -> "OTHER";
        };
    }
}
