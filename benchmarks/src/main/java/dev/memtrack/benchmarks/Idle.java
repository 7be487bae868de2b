package dev.memtrack.benchmarks;

/** Sleeps until killed: lets the start-up harness time the agent's ready line. */
public final class Idle {

    private Idle() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread.sleep(Long.MAX_VALUE);
    }
}
