package dev.memtrack.simulator.segmentation;

/**
 * An allocated segment: its name, owning process, base address and limit (length).
 *
 * @param name    as allocated, {@code process/segment} or a bare name
 * @param process owning process: the part before {@code /}, or the bare name itself
 * @param base    physical base address
 * @param limit   length in simulated bytes; offsets {@code 0..limit-1} are valid
 */
public record Segment(String name, String process, long base, long limit) {

    /** First address after the segment. */
    public long end() {
        return base + limit;
    }

    /**
     * The process of a segment name: {@code "P1/code"} belongs to {@code P1}, a bare name to itself.
     *
     * @throws IllegalArgumentException for a name that is not {@code process/segment} or a bare name
     */
    public static String processOf(String name) {
        validateName(name);
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(0, slash);
    }

    static void validateName(String name) {
        boolean valid = name != null && !name.isEmpty();
        if (valid) {
            int slash = name.indexOf('/');
            valid = slash != 0 && slash != name.length() - 1 && name.indexOf('/', slash + 1) < 0;
            for (int i = 0; valid && i < name.length(); i++) {
                char c = name.charAt(i);
                valid = c != ',' && !Character.isWhitespace(c);
            }
        }
        if (!valid) {
            throw new IllegalArgumentException("segment name '" + name + "' is not accepted: use 'process/segment' "
                    + "or a bare name, without spaces or commas");
        }
    }
}
