package dev.memtrack.simulator.paging;

/**
 * A process declared to a step-wise simulation before its first reference.
 *
 * @param name  a {@linkplain ReferenceString#isValidProcessName valid process name}
 * @param pages its size in pages, {@code >= 1}; what PROPORTIONAL allocation divides by
 */
public record ProcessSpec(String name, long pages) {

    public ProcessSpec {
        if (!ReferenceString.isValidProcessName(name)) {
            throw new IllegalArgumentException("process name '" + name
                    + "' is not accepted: use letters, digits, '_', '-' or '.'");
        }
        if (pages < 1) {
            throw new IllegalArgumentException("process " + name + " must have at least 1 page, was " + pages);
        }
    }
}
