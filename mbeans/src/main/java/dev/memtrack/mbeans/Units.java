package dev.memtrack.mbeans;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import javax.management.DescriptorKey;

/**
 * The unit of an MXBean attribute or operation result. The JMX runtime copies the value into the
 * {@code units} field of the attribute's descriptor, where JConsole, VisualVM and Hawtio show it.
 *
 * <p>Use the constants below so every tool sees the same spelling.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface Units {
    String BYTES = "bytes";
    String BYTES_PER_SECOND = "bytes/s";
    String PERCENT = "percent";
    /** A fraction between 0 and 1. */
    String RATIO = "ratio";
    String MILLISECONDS = "ms";
    String SECONDS = "s";
    /** Milliseconds since the Unix epoch. */
    String EPOCH_MILLISECONDS = "epoch-ms";
    String COUNT = "count";
    String COUNT_PER_SECOND = "1/s";
    String MEGABYTES = "MiB";
    String MEGABYTES_PER_SECOND = "MiB/s";
    /** Simulated memory units of the simulator (not real heap). */
    String SIMULATED_BYTES = "simulated bytes";
    String PAGES = "pages";
    String FRAMES = "frames";

    @DescriptorKey("units")
    String value();
}
