package dev.memtrack.agent.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM started for a test, on {@link TestJdk}'s JDK, optionally with the agent. Its stdout and
 * stderr are captured line by line (and copied to {@code target/it-work/<jdk>/<name>-<pid>.out|err}
 * for post-mortems); tests wait for lines with a generous timeout ({@link #TIMEOUT}), never sleep.
 *
 * <p>Always {@link #close()} it ({@code @AfterAll}); a shutdown hook destroys forgotten ones. The test
 * apps in {@code testing.apps} also exit when their stdin closes, i.e. when the test JVM dies.
 */
public final class ChildJvm implements AutoCloseable {

    /** Generous: the machine may be loaded by parallel builds. */
    public static final Duration TIMEOUT = Duration.ofSeconds(90);

    /** {@code [memtrack] memtrack <version> ready: jolokia <url|off> mbeans memtrack:*}. */
    public static final Pattern READY = Pattern.compile("\\[memtrack] memtrack (\\S+) ready: jolokia (\\S+) mbeans memtrack:\\*");

    /** The ready line, parsed. */
    public record Ready(String version, String jolokia) {

        public boolean jolokiaOff() {
            return jolokia.equals("off");
        }

        public URI jolokiaUri() {
            if (jolokiaOff()) {
                fail("Jolokia is off in this JVM");
            }
            return URI.create(jolokia);
        }
    }

    private final String name;
    private final Process process;
    private final Output stdout;
    private final Output stderr;
    private final Thread reaper;

    private ChildJvm(String name, Process process, Path workDir) {
        this.name = name;
        this.process = process;
        this.stdout = new Output(process.getInputStream(), workDir.resolve(name + "-" + process.pid() + ".out"));
        this.stderr = new Output(process.getErrorStream(), workDir.resolve(name + "-" + process.pid() + ".err"));
        this.reaper = new Thread(process::destroyForcibly, "reap-" + name);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** A JVM with {@code -javaagent:memtrack-agent.jar=<options>}. */
    public static Builder withAgent(String options) {
        return new Builder().jvmArgs(AgentJar.javaagentOption(options));
    }

    /** A JVM without the agent (for attach). */
    public static Builder withoutAgent() {
        return new Builder();
    }

    /** Runs {@code java -jar memtrack-agent.jar <args>} to completion. */
    public static CliResult cli(String... args) {
        try (ChildJvm cli = new Builder().name("cli").jar(AgentJar.path(), args).start()) {
            int exit = cli.awaitExit(TIMEOUT);
            return new CliResult(exit, cli.stdout(), cli.stderr());
        }
    }

    /** What a CLI run printed and returned. */
    public record CliResult(int exitStatus, String stdout, String stderr) {
    }

    /** Builds a child JVM; by default the test classes are its class path. */
    public static final class Builder {
        private final List<String> jvmArgs = new ArrayList<>();
        private final List<Path> classpath = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private List<String> command;
        private String name = "app";

        private Builder() {
            classpath.add(testClasses());
        }

        public Builder jvmArgs(String... args) {
            jvmArgs.addAll(List.of(args));
            return this;
        }

        /** Adds class path entries after the test classes. */
        public Builder classpath(Path... entries) {
            classpath.addAll(List.of(entries));
            return this;
        }

        public Builder env(String key, String value) {
            environment.put(key, value);
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder main(Class<?> mainClass, String... args) {
            command = new ArrayList<>();
            command.add(mainClass.getName());
            command.addAll(List.of(args));
            if (name.equals("app")) {
                name = mainClass.getSimpleName();
            }
            return this;
        }

        /** Runs {@code java -jar <jar> <args>}; the JVM arguments still come first. */
        public Builder jar(Path jar, String... args) {
            command = new ArrayList<>(List.of("-jar", jar.toString()));
            command.addAll(List.of(args));
            if (name.equals("app")) {
                name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
            }
            return this;
        }

        public ChildJvm start() {
            TestJdk.assumeInstalled();
            if (command == null) {
                fail("no main class given");
            }
            List<String> line = new ArrayList<>();
            line.add(TestJdk.java().toString());
            line.addAll(jvmArgs);
            if (!command.get(0).equals("-jar")) {
                line.add("-cp");
                line.add(String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()));
            }
            line.addAll(command);
            ProcessBuilder pb = new ProcessBuilder(line);
            pb.environment().keySet().removeIf(k -> k.startsWith("MEMTRACK_") || k.startsWith("JAVA_TOOL_OPTIONS")
                    || k.startsWith("JDK_JAVA_OPTIONS"));
            pb.environment().putAll(environment);
            try {
                Path workDir = workDir();
                Files.createDirectories(workDir);
                return new ChildJvm(name, pb.start(), workDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + line, e);
            }
        }
    }

    /** {@code target/it-work/<jdk>} (or {@code -Dmemtrack.it.workDir}). */
    public static Path workDir() {
        return Path.of(System.getProperty("memtrack.it.workDir", "target/it-work")).resolve(TestJdk.label())
                .toAbsolutePath();
    }

    static Path testClasses() {
        return Path.of(System.getProperty("memtrack.it.testClasses", "target/test-classes")).toAbsolutePath();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the agent's ready line and returns it parsed. */
    public Ready awaitReady() {
        Matcher m = READY.matcher(awaitStderr(l -> READY.matcher(l).find(), "the memtrack ready line"));
        if (!m.find()) {
            throw new AssertionError("unreachable");
        }
        return new Ready(m.group(1), m.group(2));
    }

    /** Waits for a stderr line containing {@code text}; returns the line. */
    public String awaitStderr(String text) {
        return awaitStderr(l -> l.contains(text), "a stderr line containing '" + text + "'");
    }

    public String awaitStderr(Predicate<String> line, String what) {
        return stderr.await(line, what, this);
    }

    /** Waits for a stdout line containing {@code text}; returns the line. */
    public String awaitStdout(String text) {
        return stdout.await(l -> l.contains(text), "a stdout line containing '" + text + "'", this);
    }

    public String stdout() {
        return stdout.text();
    }

    public String stderr() {
        return stderr.text();
    }

    public List<String> stderrLines() {
        return stderr.lines();
    }

    /** Lines of stderr that start with {@code [memtrack]}. */
    public List<String> memtrackLines() {
        return stderr.lines().stream().filter(l -> l.startsWith("[memtrack]")).toList();
    }

    /** Waits for the JVM to exit on its own; returns its exit status. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                fail(name + " did not exit within " + timeout + diagnostics());
            }
            stdout.drain();
            stderr.drain();
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    String diagnostics() {
        return "\n--- stdout of " + name + " (pid " + pid() + ") ---\n" + stdout() + "--- stderr ---\n" + stderr();
    }

    /** Destroys the JVM (gracefully, then forcibly) and waits for it. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
                }
            }
            stdout.drain();
            stderr.drain();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException shuttingDown) {
                // The hook runs anyway.
            }
        }
    }

    public static void closeQuietly(ChildJvm... jvms) {
        for (ChildJvm jvm : jvms) {
            if (jvm != null) {
                jvm.close();
            }
        }
    }

    /** One captured stream: lines in memory and in a file. Thread-safe. */
    private static final class Output {
        private final List<String> lines = new ArrayList<>();
        private final Thread pump;
        private boolean closed;

        Output(InputStream in, Path copy) {
            pump = new Thread(() -> pump(in, copy), "pump-" + copy.getFileName());
            pump.setDaemon(true);
            pump.start();
        }

        private void pump(InputStream in, Path copy) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                 Writer file = Files.newBufferedWriter(copy, StandardCharsets.UTF_8)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    file.write(line);
                    file.write('\n');
                    file.flush();
                    synchronized (this) {
                        lines.add(line);
                        notifyAll();
                    }
                }
            } catch (IOException streamClosed) {
                // The process ended.
            } finally {
                synchronized (this) {
                    closed = true;
                    notifyAll();
                }
            }
        }

        synchronized String await(Predicate<String> match, String what, ChildJvm owner) {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            int checked = 0;
            while (true) {
                for (; checked < lines.size(); checked++) {
                    if (match.test(lines.get(checked))) {
                        return lines.get(checked);
                    }
                }
                long left = deadline - System.nanoTime();
                if (closed || left <= 0) {
                    String why = closed ? "the stream ended (the JVM exited?)" : "timed out after " + TIMEOUT;
                    throw new AssertionError("waiting for " + what + " in " + owner.name + ": " + why
                            + owner.diagnosticsUnlocked(this));
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for " + what, e);
                }
            }
        }

        synchronized List<String> lines() {
            return List.copyOf(lines);
        }

        synchronized String text() {
            StringBuilder b = new StringBuilder();
            lines.forEach(l -> b.append(l).append('\n'));
            return b.toString();
        }

        void drain() {
            try {
                pump.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Diagnostics while holding one stream's lock: read the other stream's lines, which takes its own lock. */
    private String diagnosticsUnlocked(Output locked) {
        StringBuilder b = new StringBuilder("\n--- stdout of " + name + " (pid " + pid() + ") ---\n");
        b.append(locked == stdout ? textOf(stdout.lines) : stdout.text());
        b.append("--- stderr ---\n");
        b.append(locked == stderr ? textOf(stderr.lines) : stderr.text());
        return b.toString();
    }

    private static String textOf(List<String> lines) {
        StringBuilder b = new StringBuilder();
        lines.forEach(l -> b.append(l).append('\n'));
        return b.toString();
    }
}
