package dev.memtrack.agent.alloc.site;

/**
 * One allocation site: a code location and the type allocated there.
 *
 * @param location    id of the {@link CodeLocation}
 * @param type        the allocated type as Java writes it ({@code int[]}, {@code java.lang.String[][]})
 * @param arrayLayout for array sites whose layout is known when instrumenting, the layout of
 *                    {@link dev.memtrack.agent.alloc.size.ObjectSizes}; otherwise -1
 */
public record Site(int location, String type, int arrayLayout) {
}
