package dev.memtrack.agent.core;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * One small file per JVM that runs memtrack, so that {@code list} can tell which JVMs run it without
 * attaching to every JVM of the machine (attaching makes some JVMs print a thread dump and leaves files
 * behind). The files live in a private directory of the user, {@code <java.io.tmpdir>/memtrack-<user>/}
 * (mode 700, files 600), as {@code <pid>.properties}: pid, process start time, version, start mode,
 * Jolokia URL. The agent writes its file when it is ready and deletes it when it stops; a file whose
 * process is gone (or is another process with the same pid) is ignored and removed by readers.
 *
 * <p>The directory is used only if it is a real directory (not a link) owned by this user and closed
 * to others; otherwise nothing is written or read there.
 */
public final class Registrations {

    /** What one registration file says. */
    public record Registration(long pid, long startedAtMillis, String version, String startMode,
                               Optional<String> jolokiaUrl) {
    }

    private static final Set<PosixFilePermission> PRIVATE_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path directory;

    public Registrations(Path directory) {
        this.directory = directory;
    }

    /** {@code <java.io.tmpdir>/memtrack-<user>}. */
    public static Registrations forThisUser() {
        String user = System.getProperty("user.name", "unknown").replaceAll("[^A-Za-z0-9._-]", "_");
        return new Registrations(Path.of(System.getProperty("java.io.tmpdir")).resolve("memtrack-" + user));
    }

    public Path directory() {
        return directory;
    }

    /** Writes (or replaces) this JVM's file. */
    public void publish(String version, String startMode, Optional<String> jolokiaUrl) throws IOException {
        requirePrivateDirectory(true);
        long pid = ProcessHandle.current().pid();
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("startedAtMillis", Long.toString(startedAtMillis(ProcessHandle.current())));
        p.setProperty("version", version);
        p.setProperty("startMode", startMode);
        p.setProperty("jolokiaUrl", jolokiaUrl.orElse(""));
        Path temporary = Files.createTempFile(directory, pid + "-", ".tmp");
        try {
            restrict(temporary, PRIVATE_FILE);
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                p.store(out, "memtrack registration of process " + pid);
            }
            Files.move(temporary, fileOf(pid), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Deletes this JVM's file, if any. */
    public void withdraw() throws IOException {
        Files.deleteIfExists(fileOf(ProcessHandle.current().pid()));
    }

    /** The registrations of running processes; stale files are deleted on the way. */
    public List<Registration> running() {
        List<Registration> out = new ArrayList<>();
        try {
            requirePrivateDirectory(false);
        } catch (IOException notUsable) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.properties")) {
            for (Path file : files) {
                read(file).ifPresent(out::add);
            }
        } catch (IOException unreadable) {
            // Nothing to list.
        }
        return out;
    }

    private Optional<Registration> read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            long pid = Long.parseLong(p.getProperty("pid"));
            long started = Long.parseLong(p.getProperty("startedAtMillis"));
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            if (process.isEmpty() || !process.get().isAlive() || startedAtMillis(process.get()) != started) {
                Files.deleteIfExists(file);
                return Optional.empty();
            }
            String url = p.getProperty("jolokiaUrl", "");
            return Optional.of(new Registration(pid, started, p.getProperty("version", "?"),
                    p.getProperty("startMode", "?"), url.isBlank() ? Optional.empty() : Optional.of(url)));
        } catch (IOException | RuntimeException malformed) {
            return Optional.empty();
        }
    }

    private Path fileOf(long pid) {
        return directory.resolve(pid + ".properties");
    }

    /** Process start time in epoch milliseconds, or -1 where the OS does not tell. */
    private static long startedAtMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
    }

    private void requirePrivateDirectory(boolean create) throws IOException {
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (create && !Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            try {
                if (posix) {
                    Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PRIVATE_DIRECTORY));
                } else {
                    Files.createDirectory(directory);
                }
            } catch (FileAlreadyExistsException createdMeanwhile) {
                // Checked below like any existing one.
            }
        }
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(directory + " is not a directory");
        }
        String owner = Files.getOwner(directory, LinkOption.NOFOLLOW_LINKS).getName();
        if (!owner.equals(System.getProperty("user.name"))) {
            throw new IOException(directory + " belongs to " + owner + ", not to " + System.getProperty("user.name"));
        }
        if (posix && !Files.getPosixFilePermissions(directory, LinkOption.NOFOLLOW_LINKS).equals(PRIVATE_DIRECTORY)) {
            throw new IOException(directory + " is open to other users (mode "
                    + PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)) + ", expected rwx------)");
        }
    }

    private static void restrict(Path file, Set<PosixFilePermission> permissions) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, permissions);
        }
    }
}
