package dev.memtrack.agent.log;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Appends lines to a file and rotates it by size: when the next line would take the file past
 * {@code maxBytes}, {@code name} becomes {@code name.1}, {@code name.1} becomes {@code name.2}, ...,
 * and {@code name.<maxFiles>} is deleted. Each line is handed to the operating system as it is
 * written (no buffering in the JVM), so a crash loses at most the line being written.
 *
 * <p>Not thread-safe: one writer thread.
 */
public final class RotatingFile implements Closeable {

    private final Path file;
    private final long maxBytes;
    private final int maxFiles;
    private OutputStream out;
    private long size;

    /** Opens (or creates, with its directories) the file for appending. */
    public RotatingFile(Path file, long maxBytes, int maxFiles) throws IOException {
        this.file = file.toAbsolutePath();
        this.maxBytes = maxBytes;
        this.maxFiles = maxFiles;
        Path parent = this.file.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        open();
    }

    public Path file() {
        return file;
    }

    /** Appends {@code line} and a newline, rotating first if the file would grow past its limit. */
    public void append(String line) throws IOException {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        if (size > 0 && size + bytes.length > maxBytes) {
            rotate();
        }
        out.write(bytes);
        size += bytes.length;
    }

    /** The path of rotated file number {@code n} (1 = newest). */
    public Path rotated(int n) {
        return file.resolveSibling(file.getFileName() + "." + n);
    }

    private void rotate() throws IOException {
        out.close();
        Files.deleteIfExists(rotated(maxFiles));
        for (int n = maxFiles - 1; n >= 1; n--) {
            if (Files.exists(rotated(n))) {
                Files.move(rotated(n), rotated(n + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, rotated(1), StandardCopyOption.REPLACE_EXISTING);
        open();
    }

    private void open() throws IOException {
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
        size = Files.size(file);
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
