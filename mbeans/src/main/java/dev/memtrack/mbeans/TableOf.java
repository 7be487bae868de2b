package dev.memtrack.mbeans;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the row record of an MXBean attribute or operation that returns
 * {@link javax.management.openmbean.TabularData}; the interface must declare a {@link RecordTable}
 * constant for that record. {@link DescribedMBean} then publishes the table's real
 * {@link javax.management.openmbean.TabularType} and passes the values through unchanged.
 *
 * <p>Needed because the JDK's MXBean mapping does not treat {@code TabularData} as an open type: on
 * its own it would publish a {@code TabularData} return value as a {@code CompositeData} of the
 * table's bean properties ({@code empty}, {@code tabularType}), losing every row.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface TableOf {
    Class<? extends Record> value();
}
