package dev.memtrack.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaultsWhenNothingIsSet() {
        AgentConfig config = AgentConfig.defaults();

        assertThat(config.duration(ConfigKey.INTERVAL)).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.integer(ConfigKey.JOLOKIA_PORT)).isEqualTo(8778);
        assertThat(config.text(ConfigKey.JOLOKIA_HOST)).contains("127.0.0.1");
        assertThat(config.path(ConfigKey.LOG)).isEmpty();
        assertThat(config.size(ConfigKey.LOG_MAX_BYTES)).isEqualTo(10L << 20);
        assertThat(config.bool(ConfigKey.JOLOKIA)).isTrue();
        assertThat(config.problems()).isEmpty();
        assertThat(config.warnings()).isEmpty();
        assertThat(config.setting(ConfigKey.INTERVAL).source()).isEqualTo(ConfigSource.DEFAULT);
    }

    @Test
    void agentArgumentsBeatSystemPropertiesBeatEnvironmentBeatConfigFileBeatDefaults() throws IOException {
        Path file = dir.resolve("memtrack.properties");
        Files.writeString(file, "interval=5s\njolokia.port=1004\nprocesses.top=4\nlog.maxFiles=3\n");
        AgentConfig config = AgentConfig.parse("interval=2s,config=" + file,
                Map.of("memtrack.interval", "3s", "memtrack.jolokia.port", "1002", "memtrack.processes.top", "2"),
                Map.of("MEMTRACK_INTERVAL", "4s", "MEMTRACK_JOLOKIA_PORT", "1003", "MEMTRACK_PROCESSES_TOP", "3",
                        "MEMTRACK_LOG_MAXFILES", "2"));

        assertThat(config.duration(ConfigKey.INTERVAL)).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.setting(ConfigKey.INTERVAL).source()).isEqualTo(ConfigSource.AGENT_ARGUMENT);
        assertThat(config.integer(ConfigKey.JOLOKIA_PORT)).isEqualTo(1002);
        assertThat(config.setting(ConfigKey.JOLOKIA_PORT).source()).isEqualTo(ConfigSource.SYSTEM_PROPERTY);
        assertThat(config.integer(ConfigKey.PROCESSES_TOP)).isEqualTo(2);
        assertThat(config.integer(ConfigKey.LOG_MAX_FILES)).isEqualTo(2);
        assertThat(config.setting(ConfigKey.LOG_MAX_FILES).source()).isEqualTo(ConfigSource.ENVIRONMENT);
        assertThat(config.problems()).isEmpty();
    }

    @Test
    void configFileFillsWhatNobodyElseSet() throws IOException {
        Path file = dir.resolve("memtrack.properties");
        Files.writeString(file, "jolokia.port=0\nlog.maxBytes=1MiB\n");
        AgentConfig config = AgentConfig.parse("", Map.of(), Map.of("MEMTRACK_CONFIG", file.toString()));

        assertThat(config.integer(ConfigKey.JOLOKIA_PORT)).isZero();
        assertThat(config.size(ConfigKey.LOG_MAX_BYTES)).isEqualTo(1L << 20);
        assertThat(config.setting(ConfigKey.LOG_MAX_BYTES).source()).isEqualTo(ConfigSource.CONFIG_FILE);
    }

    @Test
    void segmentWithoutEqualsContinuesThePreviousValue() {
        AgentConfig config = AgentConfig.parse("jolokia.user=a,b,c,interval=500ms", Map.of(), Map.of());

        assertThat(config.text(ConfigKey.JOLOKIA_USER)).contains("a,b,c");
        assertThat(config.duration(ConfigKey.INTERVAL)).isEqualTo(Duration.ofMillis(500));
        assertThat(config.problems()).isEmpty();
    }

    @Test
    void leadingSegmentWithoutEqualsIsASyntaxProblem() {
        AgentConfig config = AgentConfig.parse("verbose,interval=2s", Map.of(), Map.of());

        assertThat(config.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isNull();
            assertThat(p.message()).isEqualTo("agent argument 'verbose' is not key=value; write "
                    + "-javaagent:memtrack-agent.jar=key=value,key=value");
        });
        assertThat(config.duration(ConfigKey.INTERVAL)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void unknownKeyIsAWarningThatListsTheValidKeysAndSuggestsTheClosest() {
        AgentConfig config = AgentConfig.parse("jolokia.prot=9999", Map.of(), Map.of());

        assertThat(config.warnings()).singleElement().isEqualTo(
                "unknown key 'jolokia.prot' (agent-argument) ignored (did you mean jolokia.port?); valid keys: "
                        + ConfigKey.validKeys());
        assertThat(config.problems()).isEmpty();
        assertThat(config.integer(ConfigKey.JOLOKIA_PORT)).isEqualTo(8778);
    }

    @Test
    void unknownSystemPropertyAndEnvironmentVariableAreWarnings() {
        AgentConfig config = AgentConfig.parse("", Map.of("memtrack.foo", "1", "other.prop", "x"),
                Map.of("MEMTRACK_BAR", "2", "PATH", "/bin"));

        assertThat(config.warnings()).hasSize(2);
        assertThat(config.warnings()).anyMatch(w -> w.startsWith("unknown system property memtrack.foo ignored"));
        assertThat(config.warnings()).anyMatch(w -> w.startsWith("unknown environment variable MEMTRACK_BAR ignored"));
    }

    @Test
    void propertiesTheAgentPublishesAboutItselfAreNotConfiguration() {
        AgentConfig config = AgentConfig.parse("", Map.of("memtrack.agent.version", "0.1.0",
                "memtrack.agent.jolokiaUrl", "http://127.0.0.1:1/jolokia/"), Map.of());

        assertThat(config.warnings()).isEmpty();
        assertThat(config.problems()).isEmpty();
    }

    @Test
    void invalidValueNamesKeyValueSourceAndWhatIsAcceptedAndKeepsTheDefault() {
        AgentConfig config = AgentConfig.parse("jolokia.port=abc", Map.of("memtrack.jolokia.port", "1234"), Map.of());

        assertThat(config.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo(ConfigKey.JOLOKIA_PORT);
            assertThat(p.message()).isEqualTo(
                    "invalid value 'abc' for jolokia.port (agent-argument): expected an integer from 0 to 65535");
        });
        // Neither the bad value nor one of lower precedence is used.
        assertThat(config.integer(ConfigKey.JOLOKIA_PORT)).isEqualTo(8778);
        assertThat(config.invalidKeys()).containsExactly(ConfigKey.JOLOKIA_PORT);
    }

    @Test
    void invalidIntervalSaysWhichDurationsAreAccepted() {
        AgentConfig config = AgentConfig.parse("interval=50ms", Map.of(), Map.of());

        assertThat(config.problems()).singleElement().extracting(ConfigProblem::message).isEqualTo(
                "invalid value '50ms' for interval (agent-argument): expected a duration from 100ms to 1m "
                        + "such as 500ms, 2s, 1m or plain milliseconds");
    }

    @Test
    void blankValueMeansNotSetAndFallsThrough() {
        AgentConfig config = AgentConfig.parse("interval=", Map.of("memtrack.interval", "3s"), Map.of());

        assertThat(config.duration(ConfigKey.INTERVAL)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void secretsAreRedactedInDescriptionEntriesAndMessages() {
        AgentConfig config = AgentConfig.parse("jolokia.user=admin,jolokia.password=s3cret", Map.of(), Map.of());

        assertThat(config.describe()).contains("jolokia.password=****** (agent-argument)")
                .contains("jolokia.user=admin (agent-argument)").doesNotContain("s3cret");
        assertThat(config.entries()).filteredOn(e -> e.key().equals("jolokia.password"))
                .singleElement().satisfies(e -> assertThat(e.value()).isEqualTo("******"));
        assertThat(config.text(ConfigKey.JOLOKIA_PASSWORD)).contains("s3cret");
    }

    @Test
    void unreadableConfigFileIsAProblemAndItsKeysAreIgnored() {
        Path missing = dir.resolve("missing.properties");
        AgentConfig config = AgentConfig.parse("config=" + missing, Map.of(), Map.of());

        assertThat(config.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo(ConfigKey.CONFIG);
            assertThat(p.message()).startsWith("cannot read config file '" + missing + "': NoSuchFileException")
                    .endsWith("; its keys are ignored");
        });
    }

    @Test
    void entriesListEveryKeyWithItsSource() {
        AgentConfig config = AgentConfig.parse("processes.top=7", Map.of(), Map.of());

        assertThat(config.entries()).hasSize(ConfigKey.values().length);
        assertThat(config.entries()).filteredOn(e -> e.key().equals("processes.top")).singleElement()
                .satisfies(e -> {
                    assertThat(e.value()).isEqualTo("7");
                    assertThat(e.source()).isEqualTo("agent-argument");
                });
        assertThat(config.entries()).filteredOn(e -> e.key().equals("log")).singleElement()
                .satisfies(e -> assertThat(e.value()).isEmpty());
    }

    @Test
    void failFastIsReadEvenWhenOtherValuesAreBad() {
        AgentConfig config = AgentConfig.parse("failFast=true,interval=never", Map.of(), Map.of());

        assertThat(config.failFast()).isTrue();
        assertThat(config.hasProblemsOrWarnings()).isTrue();
    }

    @Test
    void environmentVariableNamesAreUpperCaseWithUnderscores() {
        assertThat(ConfigKey.JOLOKIA_HTTPS_CERT.environmentVariable()).isEqualTo("MEMTRACK_JOLOKIA_HTTPS_CERT");
        assertThat(ConfigKey.LOG_MAX_BYTES.environmentVariable()).isEqualTo("MEMTRACK_LOG_MAXBYTES");
        assertThat(ConfigKey.FAIL_FAST.systemProperty()).isEqualTo("memtrack.failFast");
    }
}
