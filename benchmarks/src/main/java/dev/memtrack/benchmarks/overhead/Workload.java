package dev.memtrack.benchmarks.overhead;

import java.nio.file.Path;

/**
 * One real program doing a fixed amount of work in the child JVM of the overhead harness. Implementations
 * need a public no-argument constructor; {@link ProgramRun} loads them by name, so the harness itself
 * never links against the programs' libraries.
 */
public interface Workload {

    /**
     * Does the work once.
     *
     * @param work a directory the workload may write to (its own, emptied by nobody but itself)
     * @param input what the harness prepared for it (a source tree to index, say), or {@code null}
     */
    void run(Path work, Path input) throws Exception;
}
