package dev.memtrack.agent.alloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memtrack.mbeans.AllocationMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationSettingsTest {

    @Test
    void defaults() {
        AllocationSettings d = AllocationSettings.defaults();
        assertThat(d.mode()).isEqualTo(AllocationMode.SAMPLED);
        assertThat(d.intervalBytes()).isEqualTo(512 * 1024);
        assertThat(d.include()).isEmpty();
        assertThat(d.exclude()).isEmpty();
        assertThat(d.stackDepth()).isEqualTo(16);
        assertThat(d.maxSites()).isEqualTo(10_000);
    }

    @Test
    void keepsWhatItIsGiven() {
        AllocationSettings s = AllocationSettings.defaults().withMode(AllocationMode.EXACT).withIntervalBytes(1 << 20)
                .withInclude(List.of("com.acme.*", "org.example.Main")).withExclude(List.of("com.acme.generated.*"))
                .withStackDepth(32).withMaxSites(500);
        assertThat(s).isEqualTo(new AllocationSettings(AllocationMode.EXACT, 1 << 20,
                List.of("com.acme.*", "org.example.Main"), List.of("com.acme.generated.*"), 32, 500));
    }

    @Test
    void refusesBadValuesNamingKeyValueAndWhatIsAccepted() {
        AllocationSettings d = AllocationSettings.defaults();
        assertThatThrownBy(() -> d.withIntervalBytes(1023))
                .hasMessage("alloc.interval: '1023' is out of range; accepted: 1024 bytes (1KiB) to 1073741824 bytes (1GiB)");
        assertThatThrownBy(() -> d.withIntervalBytes((1L << 30) + 1)).hasMessageStartingWith("alloc.interval: '1073741825'");
        assertThatThrownBy(() -> d.withStackDepth(0))
                .hasMessage("alloc.stackDepth: '0' is out of range; accepted: 1 to 128");
        assertThatThrownBy(() -> d.withMaxSites(99))
                .hasMessage("alloc.maxSites: '99' is out of range; accepted: 100 to 1000000");
        assertThatThrownBy(() -> d.withMaxSites(2_000_000))
                .hasMessage("alloc.maxSites: '2000000' is out of range; accepted: 100 to 1000000");
        assertThatThrownBy(() -> d.withInclude(List.of("com.acme.*", "com..x")))
                .hasMessageStartingWith("alloc.include: 'com..x' is not a class pattern; accepted: "
                        + "comma-separated package patterns (com.acme.*)");
        assertThatThrownBy(() -> d.withExclude(List.of("*.internal")))
                .hasMessageStartingWith("alloc.exclude: '*.internal' is not a class pattern");
        assertThatThrownBy(() -> d.withMode(null)).hasMessage("alloc must not be null; accepted: EXACT, SAMPLED, OFF");
    }

    @Test
    void acceptsEveryPatternForm() {
        List<String> forms = List.of("*", "com.acme.*", "com.acme.Foo*", "com.acme.Main", "Main$Inner");
        assertThat(AllocationSettings.defaults().withInclude(forms).include()).isEqualTo(forms);
    }
}
