package dev.memtrack.agent.launcher;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Entry points of {@code memtrack-agent.jar}: {@code -javaagent} ({@link #premain}), dynamic attach
 * ({@link #agentmain}) and the command line ({@link #main}).
 *
 * <p>This class and {@link IsolatedClassLoader} are the only classes of the jar that the application's
 * class loader can see, so they use the JDK only. Everything else (the agent core and its libraries)
 * is loaded by an {@link IsolatedClassLoader} from the {@code memtrack-inst/} entries of the jar and
 * reached through one reflective call.
 *
 * <p>premain and agentmain never throw and keep no state: each call builds its own loader and hands
 * off; the core does its slow work (OSHI, Jolokia, MBeans) on its own daemon thread.
 */
public final class MemtrackAgent {

    private static final String CORE_ENTRY = "dev.memtrack.agent.core.AgentEntry";
    private static final String CLI_ENTRY = "dev.memtrack.agent.cli.Cli";

    private MemtrackAgent() {
    }

    /** Called by the JVM for {@code -javaagent:memtrack-agent.jar=k=v,k=v}. */
    public static void premain(String agentArgs, Instrumentation instrumentation) {
        start(agentArgs, instrumentation, "premain");
    }

    /** Called by the JVM when the agent is loaded into a running JVM ({@code attach <pid>}). */
    public static void agentmain(String agentArgs, Instrumentation instrumentation) {
        start(agentArgs, instrumentation, "attach");
    }

    /** The command line: {@code java -jar memtrack-agent.jar attach|list|status|--help}. */
    public static void main(String[] args) {
        int exitCode;
        try {
            Path jar = agentJar();
            // The CLI needs jdk.attach, which only the application class loader sees.
            ClassLoader loader = new IsolatedClassLoader(jar, ClassLoader.getSystemClassLoader());
            Thread.currentThread().setContextClassLoader(loader);
            Method run = Class.forName(CLI_ENTRY, true, loader).getMethod("run", String[].class, Path.class);
            exitCode = (Integer) run.invoke(null, args, jar);
        } catch (Throwable t) {
            System.err.println("memtrack: internal error: " + describe(t));
            exitCode = 1;
        }
        // This is the CLI's own process, not an application's: the exit status is its answer to scripts.
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    private static void start(String agentArgs, Instrumentation instrumentation, String startMode) {
        try {
            Path jar = agentJar();
            ClassLoader loader = new IsolatedClassLoader(jar, ClassLoader.getPlatformClassLoader());
            Method start = Class.forName(CORE_ENTRY, true, loader)
                    .getMethod("start", String.class, Instrumentation.class, String.class, Path.class);
            start.invoke(null, agentArgs, instrumentation, startMode, jar);
        } catch (Throwable t) {
            // The application must start whatever happens to the agent.
            System.err.println("[memtrack] not started: " + describe(t));
        }
    }

    private static Path agentJar() throws URISyntaxException {
        return Path.of(MemtrackAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static String describe(Throwable t) {
        Throwable cause = t instanceof InvocationTargetException && t.getCause() != null ? t.getCause() : t;
        return cause.getClass().getName() + ": " + cause.getMessage();
    }
}
