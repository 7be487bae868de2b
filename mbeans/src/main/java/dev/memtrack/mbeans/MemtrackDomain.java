package dev.memtrack.mbeans;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The {@code memtrack} JMX domain and the ObjectNames in it. Each MXBean interface carries its own
 * {@code OBJECT_NAME}; this class turns those strings into {@link ObjectName}s and builds the
 * per-program names of {@link WorkloadMXBean}.
 */
public final class MemtrackDomain {

    public static final String DOMAIN = "memtrack";

    /** Pattern matching every workload program registered in this JVM. */
    public static final String WORKLOAD_PATTERN = DOMAIN + ":type=Workload,*";

    private MemtrackDomain() {
    }

    /** Parses one of the {@code OBJECT_NAME} constants; they are known to be well formed. */
    public static ObjectName objectName(String name) {
        try {
            return ObjectName.getInstance(name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("Not a valid ObjectName: '" + name + "'", e);
        }
    }

    /**
     * The ObjectName of a workload program, {@code memtrack:type=Workload,name=<program>}. Names
     * with characters special to ObjectNames ({@code , = : " * ?}) are quoted.
     */
    public static ObjectName workload(String program) {
        if (program == null || program.isBlank()) {
            throw new IllegalArgumentException("Workload program name must not be blank: '" + program + "'");
        }
        boolean needsQuoting = program.chars().anyMatch(c -> ",=:\"*?\n".indexOf(c) >= 0);
        String value = needsQuoting ? ObjectName.quote(program) : program;
        return objectName(DOMAIN + ":type=Workload,name=" + value);
    }
}
