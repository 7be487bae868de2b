package dev.memtrack.simulator.demo;

import dev.memtrack.mbeans.Priority;

/**
 * What a demo program is and how hard it works.
 *
 * @param name           program name, also its ObjectName key
 * @param purpose        one line for consoles
 * @param priority       initial priority
 * @param parallelism    initial number of workers allowed to run, 1 to {@code maxParallelism}
 * @param maxParallelism workers the program has
 * @param thinkMillis    pause of each worker after each task; with the task's cost it sets the
 *                       worker's duty cycle, so CPU and allocation grow with parallelism
 */
record ProgramProfile(String name, String purpose, Priority priority, int parallelism, int maxParallelism,
                      long thinkMillis) {

    ProgramProfile {
        if (maxParallelism < 1 || parallelism < 1 || parallelism > maxParallelism) {
            throw new IllegalArgumentException("parallelism " + parallelism + " must be 1 to " + maxParallelism);
        }
    }
}
