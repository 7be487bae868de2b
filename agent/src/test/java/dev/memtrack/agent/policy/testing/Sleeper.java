package dev.memtrack.agent.policy.testing;

/**
 * A child process for renice tests: a JVM (so it has many threads, as real targets do) whose threads
 * sleep until it is killed. Prints {@code ready} once its threads run.
 */
public final class Sleeper {

    private Sleeper() {
    }

    public static void main(String[] args) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(Sleeper::sleepLong, "sleeper-" + i);
            t.start();
        }
        System.out.println("ready");
        System.out.flush();
        sleepLong();
    }

    private static void sleepLong() {
        try {
            Thread.sleep(120_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts a Sleeper JVM from this test JVM's classpath, optionally behind a command prefix, and waits for it. */
    public static Process start(String... prefix) throws java.io.IOException {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(prefix));
        cmd.addAll(java.util.List.of(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Sleeper.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String line = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream())).readLine();
        if (!"ready".equals(line)) {
            p.destroyForcibly();
            throw new IllegalStateException("Sleeper did not start: " + line);
        }
        return p;
    }
}
