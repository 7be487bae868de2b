package dev.memtrack.agent.cli;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import dev.memtrack.agent.core.Registrations;
import dev.memtrack.agent.core.Registrations.Registration;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code list}: the JVMs of this user on this machine, with memtrack's version and Jolokia URL, found
 * without attaching to any of them: the JVMs from their performance data files ({@code hsperfdata},
 * what {@code jps} reads), memtrack from the files it registers ({@link Registrations}). A JVM that runs
 * memtrack but no performance data ({@code -XX:-UsePerfData}) is listed from its registration alone.
 */
final class ListCommand {

    private static final String FORMAT = "%-8s %-16s %-40s %s%n";

    private ListCommand() {
    }

    static int run(PrintStream out) {
        long self = ProcessHandle.current().pid();
        Map<Long, String> mains = new TreeMap<>();
        for (VirtualMachineDescriptor jvm : VirtualMachine.list()) {
            try {
                long pid = Long.parseLong(jvm.id());
                if (pid != self) {
                    mains.put(pid, jvm.displayName().isBlank() ? "?" : jvm.displayName());
                }
            } catch (NumberFormatException notAPid) {
                // Not a local process id: not ours to list.
            }
        }
        Map<Long, Registration> memtrack = new TreeMap<>();
        for (Registration r : Registrations.forThisUser().running()) {
            memtrack.put(r.pid(), r);
            mains.putIfAbsent(r.pid(), "?");
        }
        out.printf(FORMAT, "PID", "MEMTRACK", "JOLOKIA", "MAIN");
        mains.forEach((pid, main) -> {
            Registration r = memtrack.get(pid);
            out.printf(FORMAT, pid, r == null ? "-" : r.version(), r == null ? "-" : r.jolokiaUrl().orElse("off"),
                    main);
        });
        return 0;
    }
}
