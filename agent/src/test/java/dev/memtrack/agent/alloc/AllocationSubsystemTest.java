package dev.memtrack.agent.alloc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.agent.config.AgentConfig;
import dev.memtrack.agent.config.ConfigKey;
import dev.memtrack.mbeans.AllocationMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The alloc.* keys reach the tracker's settings; what the configuration accepts, the settings accept too. */
class AllocationSubsystemTest {

    private static AgentConfig config(String agentArguments) {
        return AgentConfig.parse(agentArguments, Map.of(), Map.of());
    }

    @Test
    void defaultsAreTheTrackersDefaults() {
        AgentConfig config = config("");
        assertThat(AllocationSubsystem.settings(config)).isEqualTo(AllocationSettings.defaults());
        assertThat(new AllocationSubsystem().offByConfiguration(config)).isEmpty();
    }

    @Test
    void everyKeyIsMapped() {
        AgentConfig config = config("alloc=EXACT,alloc.interval=1MiB,alloc.include=com.acme.*,org.example.Main,"
                + "alloc.exclude=com.acme.generated.*,alloc.stackDepth=32,alloc.maxSites=500");
        assertThat(config.problems()).isEmpty();
        assertThat(AllocationSubsystem.settings(config)).isEqualTo(new AllocationSettings(AllocationMode.EXACT,
                1 << 20, List.of("com.acme.*", "org.example.Main"), List.of("com.acme.generated.*"), 32, 500));
        assertThat(AllocationSubsystem.settings(config("alloc=off")).mode()).isEqualTo(AllocationMode.OFF);
    }

    @Test
    void theLimitsOfTheConfigurationAreValidSettings() {
        AgentConfig lowest = config("alloc.interval=1KiB,alloc.stackDepth=1,alloc.maxSites=100");
        AgentConfig highest = config("alloc.interval=1GiB,alloc.stackDepth=128,alloc.maxSites=1000000");
        assertThat(lowest.problems()).isEmpty();
        assertThat(highest.problems()).isEmpty();
        assertThat(AllocationSubsystem.settings(lowest)).isEqualTo(new AllocationSettings(AllocationMode.SAMPLED,
                AllocationSettings.MIN_INTERVAL_BYTES, List.of(), List.of(), 1, AllocationSettings.MIN_MAX_SITES));
        assertThat(AllocationSubsystem.settings(highest)).isEqualTo(new AllocationSettings(AllocationMode.SAMPLED,
                AllocationSettings.MAX_INTERVAL_BYTES, List.of(), List.of(), AllocationSettings.MAX_STACK_DEPTH,
                AllocationSettings.MAX_MAX_SITES));
        assertThat(config("alloc.interval=1023,alloc.stackDepth=129,alloc.maxSites=99").invalidKeys())
                .containsExactlyInAnyOrder(ConfigKey.ALLOC_INTERVAL, ConfigKey.ALLOC_STACK_DEPTH,
                        ConfigKey.ALLOC_MAX_SITES);
    }

    @Test
    void aBadValueNamesKeyValueAndWhatIsAcceptedAndConcernsOnlyThisSubsystem() {
        AgentConfig config = config("alloc.include=com..x");
        assertThat(config.problemWithAny(new AllocationSubsystem().configKeys())).hasValueSatisfying(p ->
                assertThat(p.message()).startsWith("invalid value 'com..x' for alloc.include (agent-argument): "
                        + "'com..x' is not a class pattern; expected comma-separated class patterns"));
        assertThat(config.invalidKeys()).containsExactly(ConfigKey.ALLOC_INCLUDE);
    }

    @Test
    void disabledMeansNotStarted() {
        assertThat(new AllocationSubsystem().offByConfiguration(config("alloc=disabled")))
                .contains("alloc=disabled: nothing is instrumented");
    }
}
