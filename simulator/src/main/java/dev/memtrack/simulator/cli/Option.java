package dev.memtrack.simulator.cli;

/**
 * One command-line option of a command.
 *
 * @param name     with its dashes, {@code --frames}
 * @param accepted what values it takes, for help and error messages; {@code null} for a flag
 * @param help     one line for {@code --help}
 */
record Option(String name, String accepted, String help) {

    static Option flag(String name, String help) {
        return new Option(name, null, help);
    }

    static Option value(String name, String accepted, String help) {
        return new Option(name, accepted, help);
    }

    boolean isFlag() {
        return accepted == null;
    }
}
