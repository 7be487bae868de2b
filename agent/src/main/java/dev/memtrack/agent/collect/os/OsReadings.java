package dev.memtrack.agent.collect.os;

import java.util.List;

/**
 * Refuses OSHI readings that cannot be true of a running machine. OSHI reads a missing, unreadable or
 * malformed {@code /proc} as zeros and empty lists rather than failing, so without this check the
 * System and Processes MBeans (and the policy's metrics) would show a machine without memory, CPU
 * time or processes. A refused reading throws, which disables the collector with the reason.
 */
final class OsReadings {

    private OsReadings() {
    }

    static void requirePlausible(SystemSnapshot s) {
        if (s.memoryTotalBytes() <= 0 || s.cpu().totalTicks() <= 0) {
            throw new IllegalStateException("OSHI read no usable machine statistics from " + source()
                    + ": total memory " + s.memoryTotalBytes() + " bytes and CPU time " + s.cpu().totalTicks()
                    + " ticks; its files are missing, unreadable or malformed");
        }
    }

    static void requirePlausible(List<ProcessSample> samples, long ownPid) {
        for (ProcessSample p : samples) {
            if (p.pid() == ownPid) {
                return;
            }
        }
        throw new IllegalStateException("OSHI read a process table without this JVM (pid " + ownPid + ") from "
                + source() + ": " + samples.size() + " processes; its files are missing, unreadable or malformed");
    }

    /** Where OSHI reads the machine: {@code /proc} on Linux (or {@code oshi.util.proc.path}). */
    static String source() {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return "the operating system";
        }
        String proc = oshi.util.linux.ProcPath.PROC;
        return proc.equals("/proc") ? "/proc" : proc + " (oshi.util.proc.path)";
    }
}
