package dev.memtrack.agent.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

/**
 * The runnable simulator jar with the demo workload: {@code -Dmemtrack.it.simulatorJar}, by default
 * {@code ../simulator/target/memtrack-simulator.jar} (built by the reactor before this module).
 */
public final class SimulatorJar {

    private SimulatorJar() {
    }

    public static Path path() {
        Path jar = Path.of(System.getProperty("memtrack.it.simulatorJar", "../simulator/target/memtrack-simulator.jar"))
                .toAbsolutePath().normalize();
        assertThat(jar).as("the simulator jar (built by mvn package of the simulator module)").isRegularFile();
        return jar;
    }
}
