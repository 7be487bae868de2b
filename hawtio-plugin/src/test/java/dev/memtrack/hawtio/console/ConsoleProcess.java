package dev.memtrack.hawtio.console;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The built console jar run as a real process for the integration tests; output captured, always stopped. */
final class ConsoleProcess implements AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("memtrack.console.jar", "target/memtrack-console.jar"));
    private static final Pattern READY = Pattern.compile("memtrack console: open (http://\\S+)");

    private final Process process;
    private final StringBuffer output = new StringBuffer();

    private ConsoleProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> copy(process.getInputStream()), "console-output");
        reader.setDaemon(true);
        reader.start();
    }

    static ConsoleProcess start(String... args) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("Console jar not built: " + JAR.toAbsolutePath());
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ConsoleProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The address the console printed, once it serves requests. */
    String awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = READY.matcher(output);
            if (m.find()) {
                return m.group(1);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The console exited with " + process.exitValue() + ":\n" + output);
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The console did not get ready within " + timeout + ":\n" + output);
    }

    /** The exit code, once the console has ended by itself. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("The console still runs after " + timeout + ":\n" + output);
        }
        return process.exitValue();
    }

    String output() {
        return output.toString();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
        }
    }

    private void copy(InputStream in) {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            output.append("\n[output closed: ").append(e.getMessage()).append("]\n");
        }
    }
}
