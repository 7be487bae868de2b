package dev.memtrack.mbeans;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an MXBean operation that changes nothing (impact {@code INFO}); every other operation is
 * reported as {@code ACTION}. Access policies and consoles use the impact to decide what a
 * read-only user may call.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReadOnly {
}
