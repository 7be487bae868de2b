package dev.memtrack.agent.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code java -jar memtrack-agent.jar <command>}: {@code attach <pid> [k=v,...]}, {@code list},
 * {@code status <pid>}, {@code --help}.
 *
 * <p>Exit status: 0 done, 1 the operation failed (no such process, cannot attach, memtrack refused
 * to start, {@code status} of a JVM without memtrack), 2 bad usage. Every failure is one line on
 * stderr.
 */
public final class Cli {

    static final String USAGE = String.join("\n",
            "Usage: java -jar memtrack-agent.jar <command>",
            "  attach <pid> [key=value,...]  load memtrack into a running JVM (run as the JVM's user)",
            "  list                          JVMs on this machine, with memtrack's state and Jolokia URL",
            "  status <pid>                  memtrack's version, state and Jolokia URL in a JVM",
            "  --help                        this text",
            "Or start an application with it: java -javaagent:memtrack-agent.jar[=key=value,...] ...",
            "On JDK 21+ a dynamically attached agent makes the JVM print a warning; start the application with",
            "-XX:+EnableDynamicAgentLoading to allow it silently, or use -javaagent.");

    private Cli() {
    }

    /** Runs one command; returns the exit status. Called by the launcher's {@code main}. */
    public static int run(String[] args, Path agentJar) {
        return run(args, agentJar, System.out, System.err);
    }

    static int run(String[] args, Path agentJar, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0) {
                throw usage("no command given");
            }
            String command = args[0];
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            switch (command) {
                case "--help", "-h", "help" -> {
                    out.println(USAGE);
                    return 0;
                }
                case "attach" -> {
                    requireArguments(rest, 1, 2, "attach <pid> [key=value,...]");
                    requireAttachApi();
                    return new AttachCommand(agentJar, out, err).run(pid(rest[0]), rest.length > 1 ? rest[1] : "");
                }
                case "status" -> {
                    requireArguments(rest, 1, 1, "status <pid>");
                    requireAttachApi();
                    return StatusCommand.run(pid(rest[0]), out);
                }
                case "list" -> {
                    requireArguments(rest, 0, 0, "list");
                    requireAttachApi();
                    return ListCommand.run(out);
                }
                default -> throw usage("unknown command '" + command + "'; expected attach, list, status or --help");
            }
        } catch (CliException e) {
            err.println("memtrack: " + e.getMessage());
            return e.exitStatus();
        }
    }

    private static void requireArguments(String[] rest, int min, int max, String form) throws CliException {
        if (rest.length < min || rest.length > max) {
            throw usage("expected: " + form);
        }
    }

    static long pid(String text) throws CliException {
        try {
            long pid = Long.parseLong(text);
            if (pid > 0) {
                return pid;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw usage("'" + text + "' is not a process id (a positive integer)");
    }

    private static void requireAttachApi() throws CliException {
        if (ModuleLayer.boot().findModule("jdk.attach").isEmpty()) {
            throw new CliException("this Java runtime (" + System.getProperty("java.home") + ") has no attach API "
                    + "(module jdk.attach); run the command with the java of a full JDK", 1);
        }
    }

    private static CliException usage(String problem) {
        return new CliException(problem + " (try --help)", 2);
    }
}
