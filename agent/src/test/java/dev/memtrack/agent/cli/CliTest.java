package dev.memtrack.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

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
        assertThat(err()).isEqualTo("memtrack: unknown command 'attack'; expected attach, list, status or --help (try "
                + "--help)" + System.lineSeparator());
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
    void featureVersionsOfOldAndNewJavaSpecifications() {
        assertThat(AttachCommand.featureVersion("1.8")).isEqualTo(8);
        assertThat(AttachCommand.featureVersion("25")).isEqualTo(25);
        assertThat(AttachCommand.featureVersion("")).isZero();
    }
}
