package dev.memtrack.agent.jolokia;

import dev.memtrack.agent.log.AgentLog;
import org.jolokia.core.api.LogHandler;

/** Jolokia's log, into the agent log: errors only, each distinct message once; info and debug dropped. */
final class JolokiaLogHandler implements LogHandler {

    private final AgentLog log;

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
    public void error(String message, Throwable t) {
        log.warnOnce("jolokia:" + message, "jolokia: " + message + (t == null ? "" : " (" + AgentLog.describe(t) + ")"));
    }

    @Override
    public boolean isDebug() {
        return false;
    }
}
