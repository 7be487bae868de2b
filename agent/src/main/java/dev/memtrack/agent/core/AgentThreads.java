package dev.memtrack.agent.core;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates the agent's threads: named {@code memtrack-*}, daemon (they never keep the application
 * alive), and with the agent's class loader as context class loader, because Jolokia and
 * ServiceLoader-based libraries look their services up through it; with the application's loader
 * they would find the application's copies (and fail).
 */
public final class AgentThreads {

    private AgentThreads() {
    }

    /** One thread named {@code name}, not started. */
    public static Thread newThread(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.setContextClassLoader(AgentThreads.class.getClassLoader());
        return t;
    }

    /** Threads named {@code prefix-1}, {@code prefix-2}, ... */
    public static ThreadFactory factory(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return body -> newThread(prefix + "-" + counter.incrementAndGet(), body);
    }
}
