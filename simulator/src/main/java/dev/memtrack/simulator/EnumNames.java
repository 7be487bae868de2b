package dev.memtrack.simulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads the name of an enum constant as a user typed it (any case, surrounding blanks ignored) and
 * refuses anything else with the list of accepted names.
 */
public final class EnumNames {

    private EnumNames() {
    }

    /**
     * @param type  the enum
     * @param what  what the value is, for the message ("algorithm", "strategy" ...)
     * @param value the text to read
     * @throws IllegalArgumentException "unknown {what} '{value}': accepted A, B, C"
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String what, String value) {
        if (value != null) {
            String wanted = value.trim().toUpperCase(Locale.ROOT);
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(wanted)) {
                    return constant;
                }
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + value + "': accepted " + list(type));
    }

    /** The constants' names, comma separated, in declaration order. */
    public static String list(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
