package dev.memtrack.agent.log;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's own messages: one line each on stderr, prefixed {@value #PREFIX}.
 *
 * <p>Deliberately neither {@code java.util.logging} (initialising its LogManager from an agent breaks
 * application servers that install their own) nor slf4j (the application's logging is not ours to
 * configure). Failures that can repeat are reported through {@link #once}, so a broken collector
 * prints one line, not one per interval.
 *
 * <p>Thread-safe.
 */
public final class AgentLog {

    public static final String PREFIX = "[memtrack] ";

    private final PrintStream out;
    private final Set<String> reasonsReported = ConcurrentHashMap.newKeySet();

    public AgentLog(PrintStream out) {
        this.out = out;
    }

    /** Logs to {@code System.err}. */
    public static AgentLog toStandardError() {
        return new AgentLog(System.err);
    }

    public void info(String message) {
        out.println(PREFIX + oneLine(message));
    }

    public void warn(String message) {
        out.println(PREFIX + "warning: " + oneLine(message));
    }

    /**
     * Logs a warning the first time {@code reason} is seen and stays silent afterwards.
     *
     * @return whether the message was printed
     */
    public boolean warnOnce(String reason, String message) {
        if (reasonsReported.add(reason)) {
            warn(message);
            return true;
        }
        return false;
    }

    /** A throwable as one line: its type and message, and those of its root cause. */
    public static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        if (root != t) {
            text += " (caused by " + root.getClass().getSimpleName()
                    + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")";
        }
        return oneLine(text);
    }

    private static String oneLine(String message) {
        return message.replace('\r', ' ').replace('\n', ' ');
    }
}
