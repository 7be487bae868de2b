package dev.memtrack.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage handling of the command line; attaching to real JVMs is covered by AttachIT. */
class CliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Cli.run(args, Path.of("memtrack-agent.jar"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpPrintsUsageAndSucceeds() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: java -jar memtrack-agent.jar <command>")
                .contains("-XX:+EnableDynamicAgentLoading");
    }

    @Test
    void badUsageIsOneLineAndExitStatusTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).isEqualTo("memtrack: no command given (try --help)" + System.lineSeparator());
    }

    @Test
    void unknownCommandNamesTheCommandsThatExist() {
        assertThat(run("attack", "1")).isEqualTo(2);
        assertThat(err()).isEqualTo("memtrack: unknown command 'attack'; expected attach, list, status, log or "
                + "--help (try --help)" + System.lineSeparator());
    }

    @Test
    void pidMustBeAPositiveInteger() {
        assertThat(run("status", "abc")).isEqualTo(2);
        assertThat(err()).isEqualTo("memtrack: 'abc' is not a process id (a positive integer) (try --help)"
                + System.lineSeparator());
    }

    @Test
    void missingPidIsUsage() {
        assertThat(run("attach")).isEqualTo(2);
        assertThat(err()).contains("expected: attach <pid> [key=value,...]");
    }

    @Test
    void processThatDoesNotExistIsReportedWithoutAttaching() {
        assertThat(run("status", "2147483000")).isEqualTo(1);
        assertThat(err()).isEqualTo("memtrack: no process with pid 2147483000 is running" + System.lineSeparator());
    }

    @Test
    void failFastWithBadOptionsRefusesBeforeAttaching() {
        assertThat(run("attach", Long.toString(ProcessHandle.current().pid()), "failFast=true,interval=forever"))
                .isEqualTo(1);
        assertThat(err()).contains("memtrack: warning: invalid value 'forever' for interval (agent-argument)")
                .contains("memtrack: not attaching (failFast=true): fix the options above");
    }

    @Test
    void logChecksALogWithItsRotatedFilesAndSkipsATornLastLine(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("memtrack.jsonl");
        Files.writeString(dir.resolve("memtrack.jsonl.1"), line(1000) + line(2000));
        Files.writeString(log, line(3000) + "{\"time\":\"2026-01-01T00:00:04Z\",\"epochMi");

        assertThat(run("log", log.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                dir.resolve("memtrack.jsonl.1") + ": 2 lines (0 events), 1970-01-01T00:00:01Z to 1970-01-01T00:00:02Z"
                        + System.lineSeparator()
                        + log + ": 1 line (0 events), 1970-01-01T00:00:03Z to 1970-01-01T00:00:03Z; torn last line "
                        + "skipped (39 bytes written when the process stopped)" + System.lineSeparator());
    }

    @Test
    void logWithLinesPrintsTheCompleteLinesForJq(@TempDir Path dir) throws IOException {
        Path log = Files.writeString(dir.resolve("memtrack.jsonl"), line(1000) + "{\"torn");

        assertThat(run("log", "--lines", log.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(line(1000).replace("\n", System.lineSeparator()));
        assertThat(err()).contains("1 line (0 events)").contains("torn last line skipped (6 bytes");
    }

    @Test
    void aCorruptLineInTheMiddleFailsTheCheckNamingTheLine(@TempDir Path dir) throws IOException {
        Path log = Files.writeString(dir.resolve("memtrack.jsonl"), line(1000) + "{\"oops\n" + line(2000));

        assertThat(run("log", log.toString())).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(log + ": 2 lines (0 events), "
                + "1970-01-01T00:00:01Z to 1970-01-01T00:00:02Z; CORRUPT: 1 line is not a JSON object")
                .contains("  line 2 is not a JSON object: ");
    }

    @Test
    void logOfAFileThatDoesNotExistFails(@TempDir Path dir) {
        assertThat(run("log", dir.resolve("none.jsonl").toString())).isEqualTo(1);
        assertThat(err()).isEqualTo("memtrack: no JSON Lines log at " + dir.resolve("none.jsonl")
                + System.lineSeparator());
    }

    private static String line(long epochMillis) {
        return "{\"time\":\"x\",\"epochMillis\":" + epochMillis + ",\"heap\":{}}\n";
    }

    @Test
    void featureVersionsOfOldAndNewJavaSpecifications() {
        assertThat(AttachCommand.featureVersion("1.8")).isEqualTo(8);
        assertThat(AttachCommand.featureVersion("25")).isEqualTo(25);
        assertThat(AttachCommand.featureVersion("")).isZero();
    }
}
