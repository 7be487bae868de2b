package dev.memtrack.agent.testing.apps;

/** Waits until memtrack says it is ready (system property {@code memtrack.agent.state}), at most two minutes. */
final class AgentReady {

    private AgentReady() {
    }

    static void await() throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!"ready".equals(System.getProperty("memtrack.agent.state")) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
