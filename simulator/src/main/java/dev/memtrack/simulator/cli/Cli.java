package dev.memtrack.simulator.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * The command line of the simulator jar: {@code paging}, {@code segmentation}, {@code stress},
 * {@code demo}, and {@code --help}. {@link #run} returns the exit code instead of exiting, so it
 * can be tested in-process: 0 success, 2 bad arguments (one line on {@code err} naming the bad
 * value and what is accepted), 1 a run that failed by itself.
 */
public final class Cli {

    private static final String PROGRAM = "java -jar memtrack-simulator.jar";

    private final List<Command> commands = List.of(new PagingCommand(), new SegmentationCommand(),
            new StressCommand(), new DemoCommand());

    public int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("error: missing command: accepted " + commandNames() + " (see --help)");
            return 2;
        }
        if (isHelp(args[0])) {
            printHelp(out);
            return 0;
        }
        Command command = commands.stream().filter(c -> c.name().equals(args[0])).findFirst().orElse(null);
        if (command == null) {
            err.println("error: unknown command '" + args[0] + "': accepted " + commandNames() + ", --help");
            return 2;
        }
        if (args.length > 1 && isHelp(args[1])) {
            printHelp(command, out);
            return 0;
        }
        try {
            return command.run(Options.parse(command.name(), command.options(), args, 1), out);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return 1;
        }
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h") || arg.equals("help");
    }

    private String commandNames() {
        return String.join(", ", commands.stream().map(Command::name).toList());
    }

    private void printHelp(PrintStream out) {
        out.println("memtrack simulator: paging, segmentation, memory stress and a demo workload");
        out.println();
        out.println("usage: " + PROGRAM + " <command> [options]     (" + PROGRAM + " <command> --help)");
        out.println();
        for (Command c : commands) {
            out.printf("  %-13s %s%n", c.name(), c.summary());
        }
        out.println();
        out.println("examples:");
        commands.forEach(c -> c.examples().forEach(e -> out.println("  " + PROGRAM + " " + e)));
        out.println();
        out.println("exit codes: 0 success, 1 the run failed, 2 bad arguments");
    }

    private static void printHelp(Command c, PrintStream out) {
        out.println(c.name() + ": " + c.summary());
        out.println();
        out.println("options:");
        for (Option o : c.options()) {
            out.printf("  %-13s %-12s %s%n", o.name(), o.isFlag() ? "" : "<value>", o.help());
            if (!o.isFlag()) {
                out.printf("  %-13s %-12s accepted: %s%n", "", "", o.accepted());
            }
        }
        out.println();
        out.println("examples:");
        c.examples().forEach(e -> out.println("  " + PROGRAM + " " + e));
    }
}
