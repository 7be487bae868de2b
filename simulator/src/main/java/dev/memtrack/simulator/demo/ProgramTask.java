package dev.memtrack.simulator.demo;

/** One unit of a program's work, run by its workers over and over. Implementations are thread-safe. */
interface ProgramTask extends AutoCloseable {

    /** Does one task on worker {@code worker} (0-based); its duration is the task's latency. */
    void run(int worker) throws InterruptedException;

    /** Releases what the task keeps between runs. */
    @Override
    default void close() {
    }
}
