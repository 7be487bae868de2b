package dev.memtrack.simulator.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The options given to one command, checked against the options it declares. Every problem is a
 * {@link UsageException} naming the option, the bad value and what is accepted.
 */
final class Options {

    private final String command;
    private final Map<String, Option> declared = new HashMap<>();
    private final Map<String, String> given = new HashMap<>();

    private Options(String command, List<Option> options) {
        this.command = command;
        options.forEach(o -> declared.put(o.name(), o));
    }

    /** Reads {@code args[from..]}: {@code --flag} or {@code --name value}, each at most once. */
    static Options parse(String command, List<Option> options, String[] args, int from) {
        Options parsed = new Options(command, options);
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            Option option = parsed.declared.get(arg);
            if (option == null) {
                throw new UsageException(arg.startsWith("-")
                        ? "unknown option '" + arg + "' for " + command + ": accepted " + parsed.names()
                        : "unexpected argument '" + arg + "' for " + command + ": options start with -- ("
                                + parsed.names() + ")");
            }
            if (parsed.given.containsKey(arg)) {
                throw new UsageException("option " + arg + " is given twice");
            }
            String value = "";
            if (!option.isFlag()) {
                if (i + 1 == args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException("missing value for " + arg + " (accepted: " + option.accepted() + ")");
                }
                value = args[++i];
            }
            parsed.given.put(arg, value);
        }
        return parsed;
    }

    boolean has(String name) {
        return given.containsKey(name);
    }

    Optional<String> optional(String name) {
        return Optional.ofNullable(given.get(name));
    }

    /** The value of a required option. */
    String required(String name) {
        String value = given.get(name);
        if (value == null) {
            throw new UsageException("missing option " + name + " for " + command + " (accepted: "
                    + declared.get(name).accepted() + ")");
        }
        return value;
    }

    /** A required integer option within {@code [min, max]}. */
    long longValue(String name, long min, long max) {
        return parseLong(name, required(name), min, max);
    }

    /** An optional integer option within {@code [min, max]}, or {@code fallback} when absent. */
    long longValue(String name, long min, long max, long fallback) {
        return has(name) ? parseLong(name, given.get(name), min, max) : fallback;
    }

    /** A usage error for a value the command could not use, in the common format. */
    UsageException bad(String name, String value, String reason) {
        return new UsageException("bad value for " + name + ": '" + value + "' (" + reason + ")");
    }

    /** A usage error for a value the command could not use, with what the option accepts. */
    UsageException bad(String name, String value) {
        return bad(name, value, "accepted: " + declared.get(name).accepted());
    }

    private long parseLong(String name, String value, long min, long max) {
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Reported below with what is accepted.
        }
        throw bad(name, value);
    }

    private String names() {
        return declared.keySet().stream().sorted().collect(Collectors.joining(", "));
    }
}
