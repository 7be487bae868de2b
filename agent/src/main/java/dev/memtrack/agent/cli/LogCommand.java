package dev.memtrack.agent.cli;

import dev.memtrack.agent.log.JsonLinesReader;
import dev.memtrack.agent.log.JsonLinesReader.Summary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * {@code log [--lines] <file>}: checks a JSON Lines log and its rotated files ({@code file.N} ... {@code
 * file.1}, {@code file}, oldest first), one summary line per file. A torn last line, left by a crash
 * while it was written, is reported and skipped; any other line that is not a JSON object is
 * corruption and makes the command fail. With {@code --lines} the complete lines themselves go to
 * stdout (for {@code jq}) and the summaries to stderr.
 */
final class LogCommand {

    private LogCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws CliException {
        boolean lines = args.length == 2 && args[0].equals("--lines");
        if (args.length != 1 && !lines) {
            throw new CliException("expected: log [--lines] <file> (try --help)", 2);
        }
        Path log = Path.of(args[args.length - 1]);
        List<Path> files = JsonLinesReader.withRotated(log);
        if (files.isEmpty()) {
            throw new CliException("no JSON Lines log at " + log + (Files.exists(log.getParent() == null
                    ? Path.of(".") : log.getParent()) ? "" : " (its directory does not exist either)"), 1);
        }
        PrintStream report = lines ? err : out;
        boolean intact = true;
        for (Path file : files) {
            Summary s;
            try {
                s = JsonLinesReader.read(file, line -> {
                    if (lines) {
                        out.println(line.text());
                    }
                });
            } catch (IOException e) {
                throw new CliException("cannot read " + file + ": " + e.getMessage(), 1);
            }
            report.println(describe(s));
            s.problems().forEach(p -> report.println("  line " + p.lineNumber() + " is not a JSON object: "
                    + p.reason()));
            intact &= s.intact();
        }
        return intact ? 0 : 1;
    }

    /** e.g. {@code memtrack.jsonl: 120 lines (3 events), 2026-...Z to 2026-...Z; torn last line skipped (312 bytes)}. */
    static String describe(Summary s) {
        StringBuilder b = new StringBuilder(s.file().toString()).append(": ").append(s.lines())
                .append(s.lines() == 1 ? " line" : " lines").append(" (").append(s.eventLines())
                .append(s.eventLines() == 1 ? " event)" : " events)");
        if (s.firstEpochMillis() >= 0) {
            b.append(", ").append(Instant.ofEpochMilli(s.firstEpochMillis())).append(" to ")
                    .append(Instant.ofEpochMilli(s.lastEpochMillis()));
        }
        if (s.tornBytes() > 0) {
            b.append("; torn last line skipped (").append(s.tornBytes())
                    .append(" bytes written when the process stopped)");
        }
        if (!s.intact()) {
            b.append("; CORRUPT: ").append(s.corruptLines()).append(s.corruptLines() == 1 ? " line is" : " lines are")
                    .append(" not a JSON object");
        }
        return b.toString();
    }
}
