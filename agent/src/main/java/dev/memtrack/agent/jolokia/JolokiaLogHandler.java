package dev.memtrack.agent.jolokia;

import dev.memtrack.agent.log.AgentLog;
import org.jolokia.core.api.LogHandler;

/**
 * Jolokia's log, into the agent log: errors only, each distinct message once; info and debug dropped.
 *
 * <p>One Jolokia error is expected and dropped: when the application carries its own Jolokia,
 * Jolokia notices its service interface on the application class loader too and warns (in five
 * lines) that "multiple agents" may confuse service discovery. memtrack's Jolokia runs in its own
 * class loader precisely so that both work (IsolationIT shows it), so the warning is noise here.
 */
final class JolokiaLogHandler implements LogHandler {

    private static final String MULTIPLE_LOADERS = "org.jolokia.server.core.service.api.JolokiaService interface is "
            + "available from multiple class loaders";
    /** The lines Jolokia logs after {@link #MULTIPLE_LOADERS}: two loaders, a reason and an effect. */
    private static final int MULTIPLE_LOADERS_FOLLOW_UP = 4;

    private final AgentLog log;
    private int linesToDrop;

    JolokiaLogHandler(AgentLog log) {
        this.log = log;
    }

    @Override
    public void debug(String message) {
    }

    @Override
    public void info(String message) {
    }

    @Override
    public synchronized void error(String message, Throwable t) {
        if (message != null && message.startsWith(MULTIPLE_LOADERS)) {
            linesToDrop = MULTIPLE_LOADERS_FOLLOW_UP;
            return;
        }
        if (linesToDrop > 0) {
            linesToDrop--;
            return;
        }
        log.warnOnce("jolokia:" + message, "jolokia: " + message + (t == null ? "" : " (" + AgentLog.describe(t) + ")"));
    }

    @Override
    public boolean isDebug() {
        return false;
    }
}
