package dev.memtrack.agent.policy.act;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Reads what the Linux kernel says about a process under {@code /proc}: its nice value, its threads,
 * its name. The root is a parameter so tests can point it elsewhere.
 */
final class ProcStat {

    // Field 19 of /proc/<pid>/stat is the nice value; counting from field 3 (state), the first after the name.
    private static final int NICE_AFTER_NAME = 16;

    private final Path root;

    ProcStat(Path root) {
        this.root = root;
    }

    /** Whether this system has a readable {@code /proc} of the Linux kind. */
    boolean available() {
        return Files.isReadable(root.resolve("self").resolve("stat"));
    }

    /** The nice value of a process (its main thread), or empty if the process does not exist. */
    OptionalInt nice(long pid) {
        try {
            return OptionalInt.of(parseNice(Files.readString(root.resolve(Long.toString(pid)).resolve("stat"),
                    StandardCharsets.US_ASCII)));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * The nice value in one line of {@code /proc/<pid>/stat}. The process name (field 2) is in
     * parentheses and may itself contain spaces and parentheses, so fields are counted from the last ')'.
     *
     * @throws IllegalArgumentException if the line is not of that form
     */
    static int parseNice(String statLine) {
        int close = statLine.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + statLine);
        }
        String[] fields = statLine.substring(close + 1).trim().split("\\s+");
        if (fields.length <= NICE_AFTER_NAME) {
            throw new IllegalArgumentException("too few fields in /proc/<pid>/stat line: " + statLine);
        }
        return Integer.parseInt(fields[NICE_AFTER_NAME]);
    }

    /** Ids of the threads of a process (the pid itself if they cannot be listed). */
    List<Long> threadIds(long pid) {
        List<Long> ids = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(root.resolve(Long.toString(pid)).resolve("task"))) {
            for (Path t : tasks) {
                String n = t.getFileName().toString();
                if (n.chars().allMatch(Character::isDigit)) {
                    ids.add(Long.parseLong(n));
                }
            }
        } catch (IOException | RuntimeException e) {
            ids.clear();
        }
        if (ids.isEmpty()) {
            ids.add(pid);
        }
        return ids;
    }

    /** Ids of every process. */
    List<Long> processIds() {
        List<Long> ids = new ArrayList<>();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(root)) {
            for (Path p : all) {
                String n = p.getFileName().toString();
                if (!n.isEmpty() && n.length() < 19 && n.chars().allMatch(Character::isDigit)) {
                    ids.add(Long.parseLong(n));
                }
            }
        } catch (IOException | RuntimeException e) {
            return ids;
        }
        ids.sort(null);
        return ids;
    }

    /** The process name as {@code ps} shows it ({@code /proc/<pid>/comm}), or empty. */
    String name(long pid) {
        try {
            return Files.readString(root.resolve(Long.toString(pid)).resolve("comm"), StandardCharsets.UTF_8).trim();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
