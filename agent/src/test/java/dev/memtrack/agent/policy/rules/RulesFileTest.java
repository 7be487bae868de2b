package dev.memtrack.agent.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memtrack.agent.policy.MetricNames;
import dev.memtrack.mbeans.Priority;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesFileTest {

    private static final String VALID = """
            # comment
            ! also a comment
            rule.cpu.metric        = system.cpu.percent
            rule.cpu.above         = 80
            rule.cpu.release       = 65.5   # trailing comment
            rule.cpu.hold          = 5s
            rule.cpu.cooldown      = 1500ms
            rule.cpu.restore-after = 2m
            rule.cpu.actions       = reduce-parallelism(background), reduce-parallelism(workload:batch job), renice
            rule.cpu.enabled       = false

            rule.alloc.metric  = alloc.rate.bytesPerSecond
            rule.alloc.above   = 500000000
            rule.alloc.actions = pause, sample-less, stop-stress
            """;

    @Test
    void readsEveryPropertyAndKeepsTheOrderOfFirstAppearance() throws Exception {
        List<Rule> rules = RulesFile.parse("test", VALID);

        assertThat(rules).extracting(Rule::name).containsExactly("cpu", "alloc");
        Rule cpu = rules.get(0);
        assertThat(cpu.metric()).isEqualTo(MetricNames.SYSTEM_CPU_PERCENT);
        assertThat(cpu.threshold()).isEqualTo(80);
        assertThat(cpu.release()).isEqualTo(65.5);
        assertThat(cpu.hold()).isEqualTo(Duration.ofSeconds(5));
        assertThat(cpu.cooldown()).isEqualTo(Duration.ofMillis(1500));
        assertThat(cpu.restoreAfter()).isEqualTo(Duration.ofMinutes(2));
        assertThat(cpu.enabled()).isFalse();
        assertThat(cpu.actions()).containsExactly(
                new ActionSpec(ActionVerb.REDUCE_PARALLELISM, new ProgramSelector.ByPriority(List.of(Priority.BACKGROUND))),
                new ActionSpec(ActionVerb.REDUCE_PARALLELISM, new ProgramSelector.Named("batch job")),
                new ActionSpec(ActionVerb.RENICE, null));
        assertThat(cpu.actionsText())
                .isEqualTo("reduce-parallelism(background), reduce-parallelism(workload:batch job), renice");
    }

    @Test
    void absentOptionalPropertiesTakeTheirDefaults() throws Exception {
        Rule alloc = RulesFile.parse("test", VALID).get(1);

        assertThat(alloc.release()).isEqualTo(450_000_000);
        assertThat(alloc.hold()).isEqualTo(Duration.ofSeconds(5));
        assertThat(alloc.cooldown()).isEqualTo(Duration.ofSeconds(10));
        assertThat(alloc.restoreAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(alloc.enabled()).isTrue();
        assertThat(alloc.actions().get(0).programs()).isEqualTo(ProgramSelector.NON_CRITICAL);
        assertThat(alloc.actionsText()).isEqualTo("pause(non-critical), sample-less, stop-stress");
    }

    @Test
    void theBuiltInRulesParseAndCoverCpuHeapSwapAndOverload() {
        List<Rule> rules = RulesFile.builtIn();

        assertThat(rules).extracting(Rule::name).containsExactly("cpu", "heap", "swap", "overload");
        assertThat(rules.get(0).threshold()).isEqualTo(80);
        assertThat(rules.get(0).actionsText())
                .isEqualTo("reduce-parallelism(background), reduce-parallelism(normal), renice");
        assertThat(rules.get(1).metric()).isEqualTo(MetricNames.HEAP_AFTER_GC_PERCENT);
        assertThat(rules.get(2).actions().get(0).verb()).isEqualTo(ActionVerb.STOP_STRESS);
        assertThat(rules.get(3).actions()).extracting(ActionSpec::verb).containsExactly(ActionVerb.SAMPLE_LESS);
    }

    @Test
    void everyProblemIsReportedWithItsLineKeyValueAndWhatIsAccepted() {
        String text = """
                rule.cpu.metric = system.cpu.load
                rule.cpu.above = eighty
                rule.cpu.hold = 5 sec
                rule.cpu.actions = throttle(background)
                rule.cpu.colour = red
                threshold = 3
                rule.Heap.metric = heap.used.percent
                rule.mem.metric = heap.used.percent
                rule.mem.above = 120
                rule.mem.actions = pause(critical)
                rule.mem.enabled = yes
                rule.mem.metric = heap.used.percent
                just some words
                rule.io.metric = system.memory.used.percent
                rule.io.above = 50
                rule.io.release = 60
                rule.io.actions = stop-stress(now)
                rule.gc.metric = gc.time.percent
                """;

        assertThatThrownBy(() -> RulesFile.parse("rules.properties", text))
                .isInstanceOf(RulesFileException.class)
                .satisfies(e -> assertThat(((RulesFileException) e).problems()).containsExactly(
                        "rules.properties:5: unknown key 'rule.cpu.colour'; a rule accepts metric, above, release, "
                                + "hold, cooldown, restore-after, actions, enabled",
                        "rules.properties:6: unknown key 'threshold'; keys have the form rule.<name>.<property>, "
                                + "property one of metric, above, release, hold, cooldown, restore-after, actions, "
                                + "enabled",
                        "rules.properties:7: rule.Heap.metric: rule name 'Heap' must be lower-case letters, digits "
                                + "and dashes, starting with a letter (at most 64)",
                        "rules.properties:12: rule.mem.metric: set twice (first on line 8)",
                        "rules.properties:13: expected 'key = value', got 'just some words'",
                        "rules.properties:1: rule.cpu.metric: unknown metric 'system.cpu.load'; expected one of "
                                + "system.cpu.percent, system.memory.used.percent, system.swap.used.percent, "
                                + "heap.used.percent, heap.afterGc.percent, alloc.rate.bytesPerSecond, gc.time.percent",
                        "rules.properties:2: rule.cpu.above: 'eighty' is not a number; expected a decimal number "
                                + "such as 80 or 72.5",
                        "rules.properties:3: rule.cpu.hold: '5 sec' is not a duration; expected a whole number "
                                + "followed by ms, s, m or h (e.g. 500ms, 5s, 2m)",
                        "rules.properties:4: rule.cpu.actions: unknown action 'throttle(background)'; expected "
                                + "reduce-parallelism(<programs>), pause(<programs>), renice, stop-stress, sample-less",
                        "rules.properties:9: rule.mem.above: threshold 120.0 is out of range for heap.used.percent: "
                                + "expected a percentage from 0 to 100",
                        "rules.properties:10: rule.mem.actions: 'critical': CRITICAL programs are never throttled; "
                                + "expected background, normal, non-critical or workload:<name>",
                        "rules.properties:11: rule.mem.enabled: 'yes' is not a boolean; expected true or false",
                        "rules.properties:17: rule.io.actions: action 'stop-stress(now)': stop-stress takes no argument",
                        "rules.properties: rule 'gc': missing rule.gc.above (the threshold the metric must exceed)",
                        "rules.properties: rule 'gc': missing rule.gc.actions (candidate actions in order of "
                                + "preference, among reduce-parallelism(<programs>), pause(<programs>), renice, "
                                + "stop-stress, sample-less)"));
    }

    @Test
    void aReleaseAboveTheThresholdIsRefusedAtItsLine() {
        String text = """
                rule.io.metric = system.memory.used.percent
                rule.io.above = 50
                rule.io.release = 60
                rule.io.actions = stop-stress
                """;

        assertThatThrownBy(() -> RulesFile.parse("r", text)).hasMessage("Policy rules in r are invalid:\n"
                + "  r:3: rule.io.release: release 60.0 is above the threshold 50.0; the rule releases when the metric "
                + "falls below release, so release must be <= threshold");
    }

    @Test
    void emptyTextContinuationLinesAndReservedNamesAreRefused() {
        assertThatThrownBy(() -> RulesFile.parse("r", "# nothing\n"))
                .hasMessageContaining("r: no rules; expected lines such as 'rule.cpu.metric = system.cpu.percent'");
        assertThatThrownBy(() -> RulesFile.parse("r", "rule.cpu.actions = pause, \\\n  stop-stress\n"))
                .hasMessageContaining("r:1: rule.cpu.actions: continuation lines ('\\' at the end) are not supported");
        assertThatThrownBy(() -> RulesFile.parse("r", "rule.undo.metric = gc.time.percent\n"))
                .hasMessageContaining("r:1: rule.undo.metric: rule name 'undo' is reserved for decisions no rule made");
        assertThatThrownBy(() -> RulesFile.parse("r", "rule.x.metric = gc.time.percent\nrule.x.above = 5\n"
                + "rule.x.cooldown = 0s\nrule.x.actions = pause\n"))
                .hasMessageContaining("r:3: rule.x.cooldown: hold and restore-after must be >= 0 and cooldown > 0");
    }

    @Test
    void aFileThatCannotBeReadSaysWhy(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.properties");
        assertThatThrownBy(() -> RulesFile.load(missing))
                .hasMessage("Cannot read policy rules file '" + missing + "': no such file");

        Path file = dir.resolve("rules.properties");
        Files.writeString(file, VALID);
        assertThat(RulesFile.load(file)).hasSize(2);

        Path binary = dir.resolve("binary.properties");
        Files.write(binary, new byte[] {(byte) 0xC3, (byte) 0x28, 'a'});
        assertThatThrownBy(() -> RulesFile.load(binary)).hasMessageContaining("not UTF-8 text");
    }

    @Test
    void changingTheThresholdKeepsTheHysteresisGapAndRefusesNonsense() throws Exception {
        Rule cpu = RulesFile.parse("test", VALID).get(0);

        Rule lower = cpu.withThreshold(50);
        assertThat(lower.threshold()).isEqualTo(50);
        assertThat(lower.release()).isEqualTo(35.5);
        assertThat(cpu.withThreshold(10).release()).isZero();
        assertThatThrownBy(() -> cpu.withThreshold(Double.NaN))
                .hasMessage("threshold NaN is out of range for system.cpu.percent: expected a percentage from 0 to 100");
        assertThatThrownBy(() -> cpu.withThreshold(-1)).hasMessageContaining("threshold -1.0 is out of range");
        assertThatThrownBy(() -> cpu.withThreshold(101)).hasMessageContaining("threshold 101.0 is out of range");
    }

    @Test
    void theReadmeExampleParsesAndItsErrorExampleIsWhatUsersSee() throws Exception {
        String readme = Files.readString(Path.of(System.getProperty("user.dir")).resolveSibling("README.md"));
        int start = readme.indexOf("```properties\n", readme.indexOf("### Writing a rule"));
        String example = readme.substring(start + "```properties\n".length(), readme.indexOf("```", start + 3));

        List<Rule> rules = RulesFile.parse("README", example);

        assertThat(rules).extracting(Rule::name).containsExactly("busy", "storm");
        assertThat(rules.get(0).actionsText())
                .isEqualTo("reduce-parallelism(workload:batch), pause(background), renice");
        assertThat(rules.get(1).release()).isEqualTo(1_800_000_000);
        String broken = example.replace("rule.busy.hold          = 10s", "rule.busy.hold = 10 sec");
        assertThatThrownBy(() -> RulesFile.parse("rules.properties", broken)).hasMessageContaining(
                readme.substring(readme.indexOf("`rules.properties:") + 1, readme.indexOf("`", readme.indexOf(
                        "`rules.properties:") + 1)));
    }

    @Test
    void theReadmeDemoRulesParse() throws Exception {
        String readme = Files.readString(Path.of(System.getProperty("user.dir")).resolveSibling("README.md"));
        String open = "cat > /tmp/demo-rules.properties <<'END'\n";
        int start = readme.indexOf(open) + open.length();
        String rules = readme.substring(start, readme.indexOf("\nEND\n", start));

        assertThat(RulesFile.parse("README demo", rules)).singleElement().satisfies(rule -> {
            assertThat(rule.name()).isEqualTo("demo");
            assertThat(rule.threshold()).isEqualTo(100);
            assertThat(rule.actionsText()).isEqualTo("reduce-parallelism(background), pause(background)");
        });
    }
}
