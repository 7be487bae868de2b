package dev.memtrack.agent.log;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jolokia.json.parser.JSONParser;

/**
 * Reads memtrack's JSON Lines log, tolerating what a crash leaves behind. Every line ending with a
 * newline must be one JSON object. The last line of a file may lack its newline: if it still parses,
 * it counts (the crash came between the object and its newline); if not, it is the line that was
 * being written when the process died (kill -9, power loss): it is reported as torn and skipped, and
 * nothing else is lost. A line in the middle that does not parse is corruption and is reported.
 *
 * <p>Stateless; {@link #read} streams the file, so logs of any size can be checked.
 */
public final class JsonLinesReader {

    /** Corrupt lines kept in a {@link Summary}; a file with more is reported by count. */
    public static final int MAX_PROBLEMS = 20;

    /** One complete line: its 1-based number, its text and the object it holds. */
    public record Line(long number, String text, Map<String, Object> json) {
    }

    /** A line that is not a JSON object, with the parser's reason. */
    public record Problem(long lineNumber, String reason) {
    }

    /**
     * What one file held.
     *
     * @param lines         complete lines (each a JSON object)
     * @param eventLines    of which event lines (with an {@code event} member)
     * @param tornBytes     bytes of a torn last line that was skipped, 0 if none
     * @param corruptLines  lines that are not a JSON object although a complete line followed
     * @param problems      the first {@link #MAX_PROBLEMS} of them
     * @param firstEpochMillis {@code epochMillis} of the first line, -1 if none
     * @param lastEpochMillis  {@code epochMillis} of the last line, -1 if none
     */
    public record Summary(Path file, long lines, long eventLines, long tornBytes, long corruptLines,
                          List<Problem> problems, long firstEpochMillis, long lastEpochMillis) {

        public Summary {
            problems = List.copyOf(problems);
        }

        /** Whether every line but a torn last one is a JSON object. */
        public boolean intact() {
            return corruptLines == 0;
        }
    }

    private JsonLinesReader() {
    }

    /** Reads {@code file}, passing every complete line to {@code each} in order. */
    public static Summary read(Path file, Consumer<Line> each) throws IOException {
        Tally tally = new Tally(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
            long number = 0;
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    tally.complete(++number, line.toString(StandardCharsets.UTF_8), each);
                    line.reset();
                } else {
                    line.write(b);
                }
            }
            if (line.size() > 0) {
                tally.last(++number, line.toString(StandardCharsets.UTF_8), line.size(), each);
            }
        }
        return tally.summary();
    }

    /** Reads a whole file into a list of its complete lines. */
    public static List<Line> lines(Path file) throws IOException {
        List<Line> lines = new ArrayList<>();
        read(file, lines::add);
        return lines;
    }

    /**
     * The log at {@code path} with its rotated files, oldest first ({@code path.N} ... {@code path.1},
     * {@code path}), as far as they exist.
     */
    public static List<Path> withRotated(Path path) {
        List<Path> files = new ArrayList<>();
        for (int n = 1; Files.exists(path.resolveSibling(path.getFileName() + "." + n)); n++) {
            files.add(0, path.resolveSibling(path.getFileName() + "." + n));
        }
        if (Files.exists(path)) {
            files.add(path);
        }
        return files;
    }

    /** The object a line holds, or empty if it is not one complete JSON object. */
    public static Optional<Map<String, Object>> parse(String line) {
        try {
            return Optional.of(object(line));
        } catch (Exception notAnObject) {
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String line) throws Exception {
        Object json = new JSONParser().parse(line);
        if (!(json instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("not a JSON object but " + (json == null ? "null"
                    : json.getClass().getSimpleName().replace("JSON", "").toLowerCase(java.util.Locale.ROOT)));
        }
        return (Map<String, Object>) json;
    }

    /** Counts while reading; not thread-safe. */
    private static final class Tally {
        private final Path file;
        private final List<Problem> problems = new ArrayList<>();
        private long lines;
        private long events;
        private long corrupt;
        private long torn;
        private long first = -1;
        private long last = -1;

        Tally(Path file) {
            this.file = file;
        }

        void complete(long number, String text, Consumer<Line> each) {
            if (text.isBlank()) {
                return;
            }
            try {
                accept(new Line(number, text, object(text)), each);
            } catch (Exception e) {
                corrupt++;
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add(new Problem(number, String.valueOf(e.getMessage()).replace('\n', ' ')));
                }
            }
        }

        void last(long number, String text, int bytes, Consumer<Line> each) {
            Optional<Map<String, Object>> json = parse(text);
            if (json.isPresent()) {
                accept(new Line(number, text, json.get()), each);
            } else if (!text.isBlank()) {
                torn = bytes;
            }
        }

        private void accept(Line line, Consumer<Line> each) {
            lines++;
            if (line.json().containsKey("event")) {
                events++;
            }
            if (line.json().get("epochMillis") instanceof Number n) {
                if (first < 0) {
                    first = n.longValue();
                }
                last = n.longValue();
            }
            each.accept(line);
        }

        Summary summary() {
            return new Summary(file, lines, events, torn, corrupt, problems, first, last);
        }
    }
}
