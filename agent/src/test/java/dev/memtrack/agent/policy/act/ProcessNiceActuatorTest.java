package dev.memtrack.agent.policy.act;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.memtrack.agent.policy.rules.ActionSpec;
import dev.memtrack.agent.policy.testing.Sleeper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real child processes, reniced with the system's renice, read back from /proc by the test itself. */
class ProcessNiceActuatorTest {

    private static final ActionSpec RENICE = ActionSpec.parse("renice");
    private Process child;

    @AfterEach
    void stopChild() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    @Test
    void renicesEveryThreadOfARealProcessAndUndoRestoresThem() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "needs Linux /proc");
        child = Sleeper.start();
        long pid = child.pid();
        ProcessNiceActuator actuator = new ProcessNiceActuator(List.of(new ProcessSelector.Pid(pid)));

        Expansion e = actuator.options(RENICE, Contribution.CPU);
        assertThat(e.options()).singleElement().satisfies(o -> {
            assertThat(o.target()).isEqualTo(Target.process(pid));
            assertThat(o.current()).isEqualTo("nice=0");
            assertThat(o.proposed()).isEqualTo("nice=5");
        });

        Change change = actuator.apply(e.options().get(0));

        assertThat(change.before()).isEqualTo("nice=0");
        assertThat(change.after()).isEqualTo("nice=5");
        Map<Long, Integer> threads = niceOfEveryThread(pid);
        assertThat(threads).hasSizeGreaterThan(4);
        assertThat(threads.values()).containsOnly(5);

        assertThat(change.reverter().revert()).isEqualTo("nice=0");
        assertThat(niceOfEveryThread(pid).values()).containsOnly(0);
    }

    @Test
    void stopsAtNineteen() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "needs Linux /proc");
        child = Sleeper.start("nice", "-n", "17");
        ProcessNiceActuator actuator = new ProcessNiceActuator(List.of(new ProcessSelector.Pid(child.pid())));

        Change change = actuator.apply(actuator.options(RENICE, Contribution.CPU).options().get(0));

        assertThat(change.after()).isEqualTo("nice=19");
        assertThat(actuator.options(RENICE, Contribution.CPU).unavailable())
                .containsEntry("renice process:" + child.pid(), "process " + child.pid() + " is already at nice 19");
    }

    @Test
    void aRestoreTheKernelRefusesSaysSoClearly() throws Exception {
        boolean root = new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes()).trim()
                .equals("0");
        assumeTrue(root && Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs root and setpriv");
        // The child and renice both run as 'nobody': an owner may raise its nice value, not lower it again.
        String[] asNobody = {"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
        child = Sleeper.start(asNobody);
        long pid = child.pid();
        List<String> renice = Stream.concat(Stream.of(asNobody), Stream.of("renice")).toList();
        ProcessNiceActuator actuator =
                new ProcessNiceActuator(List.of(new ProcessSelector.Pid(pid)), renice, Path.of("/proc"));

        Change change = actuator.apply(actuator.options(RENICE, Contribution.CPU).options().get(0));
        assertThat(nice(pid)).isEqualTo(5);

        assertThatThrownBy(() -> change.reverter().revert()).isInstanceOf(ActuatorException.class)
                .hasMessageStartingWith("restoring nice of process " + pid + " from 5 to 0 was refused: renice: "
                        + "failed to set priority for " + pid + " (process ID): Permission denied")
                .hasMessageEndingWith("(lowering a nice value needs root or the CAP_SYS_NICE capability)");
        assertThat(nice(pid)).isEqualTo(5);
    }

    @Test
    void aPidThatDoesNotExistOrIsTheAgentsOwnIsUnavailableWithTheReason() throws Exception {
        long missing = 4_194_305; // above Linux's largest possible pid_max (2^22)
        long own = ProcessHandle.current().pid();
        ProcessNiceActuator actuator = new ProcessNiceActuator(
                List.of(new ProcessSelector.Pid(missing), new ProcessSelector.Pid(own)));

        Expansion e = actuator.options(RENICE, Contribution.CPU);

        assertThat(e.options()).isEmpty();
        assertThat(e.unavailable()).containsExactly(
                Map.entry("renice process:" + missing, "process " + missing + " does not exist"),
                Map.entry("renice process:" + own, "process " + own + " is the JVM the agent runs in: never reniced"));
        assertThatThrownBy(() -> actuator.apply(new ActionOption(RENICE.verb(), Target.process(missing), 0, 0,
                "nice=0", "nice=5"))).hasMessage("process " + missing + " has exited");
        assertThat(new ProcessNiceActuator(List.of()).options(RENICE, Contribution.CPU).unavailable())
                .containsExactly(Map.entry("renice", "policy.processes names no process"));
    }

    @Test
    void namePatternsFindRunningProcessesWithoutTouchingThem() throws Exception {
        child = Sleeper.start();
        ProcessNiceActuator actuator = new ProcessNiceActuator(List.of(ProcessSelector.parse("jav?"),
                ProcessSelector.parse("no-such-program-*")));

        Expansion e = actuator.options(RENICE, Contribution.CPU);

        assertThat(e.options()).extracting(ActionOption::target).contains(Target.process(child.pid()))
                .doesNotContain(Target.process(ProcessHandle.current().pid()));
        assertThat(e.unavailable()).containsEntry("renice no-such-program-*",
                "no running process is named like 'no-such-program-*'");
        assertThat(nice(child.pid())).isZero();
    }

    @Test
    void niceIsReadAfterTheLastParenthesisOfTheProcessName() {
        String line = "4242 (my (odd) proc 1) S 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 30 10 3 0 1234 "
                + "5000000 300 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

        assertThat(ProcStat.parseNice(line)).isEqualTo(10);
        assertThatThrownBy(() -> ProcStat.parseNice("garbage")).isInstanceOf(IllegalArgumentException.class);
    }

    private static int nice(long pid) throws IOException {
        return ProcStat.parseNice(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    }

    private static Map<Long, Integer> niceOfEveryThread(long pid) throws IOException {
        Map<Long, Integer> out = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path t : tasks.toList()) {
                out.put(Long.parseLong(t.getFileName().toString()),
                        ProcStat.parseNice(Files.readString(t.resolve("stat"))));
            }
        }
        return out;
    }
}
