package dev.memtrack.agent.jmx.simulator;

import dev.memtrack.simulator.EnumNames;

/**
 * Checks of the arguments clients pass to the simulator MBeans. Every refusal is an
 * {@link IllegalArgumentException} with a one-line message that quotes the value (shortened if it is
 * long, so a huge argument never makes a huge error) and says what is accepted.
 */
final class Arguments {

    /** Longest part of a client's value quoted in a message. */
    static final int QUOTED_CHARS = 40;

    private Arguments() {
    }

    /** {@code value} in quotes, cut to {@value #QUOTED_CHARS} characters with its length when longer. */
    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() <= QUOTED_CHARS ? "'" + value + "'"
                : "'" + value.substring(0, QUOTED_CHARS) + "...' (" + value.length() + " characters)";
    }

    /** A constant of {@code type} named by {@code value} in any case. */
    static <E extends Enum<E>> E choice(Class<E> type, String what, String value) {
        // EnumNames would quote the whole value: check emptiness and length here first.
        if (value == null || value.isBlank() || value.length() > QUOTED_CHARS) {
            throw new IllegalArgumentException("unknown " + what + " " + quote(value) + ": accepted "
                    + EnumNames.list(type));
        }
        return EnumNames.parse(type, what, value);
    }

    /** A non-blank text of at most {@code maxLength} characters. */
    static String text(String value, String what, int maxLength, String accepted) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException(what + " " + quote(value) + " is not accepted: " + accepted
                    + ", at most " + maxLength + " characters");
        }
        return value;
    }

    /** {@code value} if it lies in {@code [min, max]}. */
    static long inRange(long value, String what, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " " + value + " is not accepted: accepted " + min + " to " + max);
        }
        return value;
    }

    /** {@code value} if it lies in {@code [min, max]}. */
    static int inRange(int value, String what, int min, int max) {
        return (int) inRange((long) value, what, min, max);
    }
}
