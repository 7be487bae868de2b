package dev.memtrack.simulator.cli;

import java.io.PrintStream;
import java.util.List;

/** One CLI command: its name, options and what it does. */
interface Command {

    String name();

    /** One line for the command list. */
    String summary();

    /** Example invocations for {@code --help}. */
    List<String> examples();

    List<Option> options();

    /**
     * Runs the command.
     *
     * @return the exit code (0 on success)
     * @throws UsageException for bad input (exit code 2)
     */
    int run(Options options, PrintStream out) throws InterruptedException;
}
