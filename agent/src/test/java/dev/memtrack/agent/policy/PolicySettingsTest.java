package dev.memtrack.agent.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memtrack.agent.policy.act.ProcessSelector;
import dev.memtrack.mbeans.PolicyMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicySettingsTest {

    @Test
    void absentKeysTakeTheDocumentedDefaults() {
        PolicySettings s = PolicySettings.fromMap(Map.of("interval", "5s"));

        assertThat(s.mode()).isEqualTo(PolicyMode.ADVISORY);
        assertThat(s.interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.rulesFile()).isEmpty();
        assertThat(s.processes()).isEmpty();
        assertThat(s.seed()).isEqualTo(1);
        assertThat(s.decisions()).isEqualTo(100);
        assertThat(s).isEqualTo(PolicySettings.defaults());
    }

    @Test
    void everyKeyIsParsed() {
        PolicySettings s = PolicySettings.fromMap(Map.of(
                "policy", "enforce", "policy.interval", "500ms", "policy.file", "/etc/memtrack/rules.properties",
                "policy.processes", "1234;postgres;ffmpeg*", "policy.seed", "-7", "policy.decisions", "250"));

        assertThat(s.mode()).isEqualTo(PolicyMode.ENFORCE);
        assertThat(s.interval()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.rulesFile()).contains(Path.of("/etc/memtrack/rules.properties"));
        assertThat(s.processes()).containsExactly(new ProcessSelector.Pid(1234),
                new ProcessSelector.NamePattern("postgres"), new ProcessSelector.NamePattern("ffmpeg*"));
        assertThat(s.seed()).isEqualTo(-7);
        assertThat(s.decisions()).isEqualTo(250);
    }

    @Test
    void processesAlsoAcceptCommasAndIgnoreEmptyEntries() {
        assertThat(PolicySettings.parseProcesses("42, java ;;")).containsExactly(new ProcessSelector.Pid(42),
                new ProcessSelector.NamePattern("java"));
        assertThat(PolicySettings.parseProcesses("")).isEmpty();
    }

    @Test
    void badValuesNameTheKeyTheValueAndWhatIsAccepted() {
        assertThatThrownBy(() -> PolicySettings.parseMode("auto")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value 'auto' for policy: expected OFF, ADVISORY or ENFORCE");
        assertThatThrownBy(() -> PolicySettings.parseInterval("1"))
                .hasMessage("Invalid value '1' for policy.interval: expected a duration from 100ms to 60s, "
                        + "a whole number followed by ms, s, m or h (e.g. 500ms, 5s, 2m)");
        assertThatThrownBy(() -> PolicySettings.parseInterval("50ms"))
                .hasMessageStartingWith("Invalid value '50ms' for policy.interval: expected a duration from 100ms");
        assertThatThrownBy(() -> PolicySettings.parseInterval("2m"))
                .hasMessageStartingWith("Invalid value '2m' for policy.interval");
        assertThatThrownBy(() -> PolicySettings.parseSeed("0x10"))
                .hasMessage("Invalid value '0x10' for policy.seed: expected a whole number from "
                        + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
        assertThatThrownBy(() -> PolicySettings.parseDecisions("0"))
                .hasMessage("Invalid value '0' for policy.decisions: expected a whole number from 1 to 10000");
        assertThatThrownBy(() -> PolicySettings.parseDecisions("lots"))
                .hasMessage("Invalid value 'lots' for policy.decisions: expected a whole number from 1 to 10000");
        assertThatThrownBy(() -> PolicySettings.parseProcesses("123;bad/name"))
                .hasMessage("Invalid value '123;bad/name' for policy.processes: expected entries separated by ';', "
                        + "each a pid (positive number) or a process name pattern of letters, digits, . _ - + * ? "
                        + "(process entry 'bad/name' is neither a pid nor a name pattern; expected a pid (positive "
                        + "number) or a process name pattern of letters, digits, . _ - + * ?)");
        assertThatThrownBy(() -> PolicySettings.parseProcesses("0"))
                .hasMessageContaining("pid '0' must be positive");
        assertThatThrownBy(() -> PolicySettings.fromMap(Map.of("policy.decisions", "10001")))
                .hasMessageContaining("policy.decisions");
    }

    @Test
    void blankFileMeansTheBuiltInRules() {
        assertThat(PolicySettings.parseFile("  ")).isEmpty();
        assertThat(PolicySettings.parseFile(" rules.properties ")).contains(Path.of("rules.properties"));
    }

    @Test
    void everyKeyIsListedOnce() {
        assertThat(PolicySettings.KEYS).containsExactly("policy", "policy.interval", "policy.file",
                "policy.processes", "policy.seed", "policy.decisions").doesNotHaveDuplicates();
    }

    @Test
    void processNamePatternsMatchLikeShellGlobs() {
        ProcessSelector.NamePattern p = (ProcessSelector.NamePattern) ProcessSelector.parse("ffmpeg*");
        assertThat(p.matches("ffmpeg")).isTrue();
        assertThat(p.matches("ffmpeg-static")).isTrue();
        assertThat(p.matches("xffmpeg")).isFalse();
        assertThat(((ProcessSelector.NamePattern) ProcessSelector.parse("g++")).matches("g++")).isTrue();
        assertThat(((ProcessSelector.NamePattern) ProcessSelector.parse("java?")).matches("javac")).isTrue();
        assertThat(List.of(ProcessSelector.parse("17"))).containsExactly(new ProcessSelector.Pid(17));
    }
}
