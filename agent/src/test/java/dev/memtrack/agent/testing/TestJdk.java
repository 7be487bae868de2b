package dev.memtrack.agent.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The JDK that child JVMs run on: {@code -Dmemtrack.it.javaHome} (each Failsafe execution sets its
 * own: JDK 17, JDK 25), or the JDK running the tests.
 */
public final class TestJdk {

    private TestJdk() {
    }

    public static Path home() {
        String home = System.getProperty("memtrack.it.javaHome");
        return Path.of(home == null || home.isBlank() ? System.getProperty("java.home") : home);
    }

    /** e.g. {@code jdk17}; used to keep work directories of the two runs apart. */
    public static String label() {
        return System.getProperty("memtrack.it.jdkLabel", "jdk" + Runtime.version().feature());
    }

    public static Path java() {
        return home().resolve("bin").resolve("java");
    }

    /** Skips the calling test (visibly, with the reason) when this run's JDK is not installed. */
    public static void assumeInstalled() {
        boolean installed = Files.isExecutable(java());
        if (!installed) {
            System.err.println("[memtrack-it] SKIPPED: no JDK at " + home() + " for the " + label()
                    + " run; set -Dmemtrack.jdk25.home / -Dmemtrack.jdk17.home to run it");
        }
        Assumptions.assumeTrue(installed, () -> "no JDK at " + home() + " for the " + label() + " run");
    }

    /** The feature version of this run's JDK (17, 25, ...), read from its release file. */
    public static int featureVersion() {
        try {
            for (String line : Files.readAllLines(home().resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(v.split("[.+-]")[0]);
                }
            }
        } catch (Exception e) {
            // fall through
        }
        return Runtime.version().feature();
    }
}
