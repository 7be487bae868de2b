package dev.memtrack.agent.collect.os;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;
import oshi.spi.SystemInfoProvider;

/**
 * Reads every process of the machine through OSHI ({@link OshiProvider}). Slow on first use:
 * construct it on an agent thread. Not thread-safe: used by the sampler thread only.
 */
public final class ProcessCollector {

    private final OperatingSystem os;
    private final UserNames users = new UserNames(Path.of("/etc/passwd"));

    public ProcessCollector(SystemInfoProvider info) {
        this.os = info.getOperatingSystem();
    }

    public ProcessSnapshot sample() {
        long nanos = System.nanoTime();
        long millis = System.currentTimeMillis();
        List<ProcessSample> samples = new ArrayList<>();
        for (OSProcess p : os.getProcesses()) {
            samples.add(new ProcessSample(p.getProcessID(), p.getStartTime(), p.getName(), user(p),
                    state(p.getState()), p.getKernelTime() + p.getUserTime(), p.getResidentMemory(),
                    p.getVirtualSize(), p.getThreadCount()));
        }
        return new ProcessSnapshot(nanos, millis, samples);
    }

    private String user(OSProcess p) {
        Optional<String> name = users.name(p.getUserID());
        return name.isPresent() ? name.get() : p.getUser();
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
