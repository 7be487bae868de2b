package dev.memtrack.agent.collect.os;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * User names of process owners from {@code /etc/passwd}, re-read only when the file changes.
 *
 * <p>Why not OSHI's {@code OSProcess.getUser()}: in OSHI 7.5 it runs {@code getent passwd <uid>} for
 * every call (the fallback is evaluated even when the cache has the answer), which would fork a
 * process per process per sample from the application's JVM. Where there is no {@code /etc/passwd}
 * (not a Unix), {@link #name} is empty and the caller asks OSHI.
 *
 * <p>Not thread-safe: used by the sampler thread only.
 */
final class UserNames {

    private final Path passwd;
    private FileTime readAt;
    private Map<String, String> byUid = Map.of();

    UserNames(Path passwd) {
        this.passwd = passwd;
    }

    /** The name of {@code uid}; the uid itself if unknown; empty if there is no passwd file to ask. */
    Optional<String> name(String uid) {
        if (!refresh()) {
            return Optional.empty();
        }
        return Optional.of(byUid.getOrDefault(uid, uid));
    }

    private boolean refresh() {
        try {
            FileTime modified = Files.getLastModifiedTime(passwd);
            if (!modified.equals(readAt)) {
                byUid = parse(Files.readAllLines(passwd, StandardCharsets.UTF_8));
                readAt = modified;
            }
            return true;
        } catch (IOException | SecurityException noPasswd) {
            return false;
        }
    }

    /** {@code name:password:uid:...} lines to uid to name; the first name of a uid wins. */
    static Map<String, String> parse(List<String> lines) {
        Map<String, String> names = new HashMap<>();
        for (String line : lines) {
            String[] fields = line.split(":", 4);
            if (fields.length >= 3 && !line.startsWith("#")) {
                names.putIfAbsent(fields[2], fields[0]);
            }
        }
        return names;
    }
}
