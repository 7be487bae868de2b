package dev.memtrack.agent.alloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memtrack.mbeans.AllocationMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        assertThat(AllocationSettings.fromMap(Map.of())).isEqualTo(d);
    }

    @Test
    void readsEveryKey() {
        AllocationSettings s = AllocationSettings.fromMap(Map.of(
                "alloc", "exact", "alloc.interval", "1m", "alloc.include", " com.acme.* , org.example.Main ",
                "alloc.exclude", "com.acme.generated.*", "alloc.stackDepth", "32", "alloc.maxSites", "500",
                "jolokia.port", "ignored: belongs to the rest of the agent"));
        assertThat(s).isEqualTo(new AllocationSettings(AllocationMode.EXACT, 1 << 20,
                List.of("com.acme.*", "org.example.Main"), List.of("com.acme.generated.*"), 32, 500));
        assertThat(AllocationSettings.KEYS).containsExactly("alloc", "alloc.interval", "alloc.include",
                "alloc.exclude", "alloc.stackDepth", "alloc.maxSites");
    }

    @ParameterizedTest
    @CsvSource({"1024, 1024", "512k, 524288", "512K, 524288", "1m, 1048576", "1g, 1073741824", " 64k , 65536"})
    void parsesSizes(String text, long bytes) {
        assertThat(AllocationSettings.parseInterval(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1023|alloc.interval: '1023' is out of range; accepted: 1k (1024 bytes) to 1g (1073741824 bytes)",
            "2g|alloc.interval: '2g' is out of range",
            "9999999999g|alloc.interval: '9999999999g' is out of range",
            "512kb|alloc.interval: '512kb' is not a size; accepted: bytes (524288) or a number with k, m or g",
            "-5|alloc.interval: '-5' is not a size",
            "''|alloc.interval: '' is not a size"})
    void refusesBadSizes(String text, String message) {
        assertThatThrownBy(() -> AllocationSettings.parseInterval(text))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
    }

    @Test
    void refusesBadValuesNamingKeyValueAndWhatIsAccepted() {
        assertThatThrownBy(() -> AllocationSettings.parseMode("fast"))
                .hasMessage("alloc: 'fast' is not a mode; accepted: EXACT, SAMPLED, OFF");
        assertThatThrownBy(() -> AllocationSettings.parseStackDepth("0"))
                .hasMessage("alloc.stackDepth: '0' is out of range; accepted: 1 to 128");
        assertThatThrownBy(() -> AllocationSettings.parseStackDepth("deep"))
                .hasMessage("alloc.stackDepth: 'deep' is not a whole number; accepted: 1 to 128");
        assertThatThrownBy(() -> AllocationSettings.parseMaxSites("99"))
                .hasMessage("alloc.maxSites: '99' is out of range; accepted: 100 to 1000000");
        assertThatThrownBy(() -> AllocationSettings.parsePatterns("alloc.include", "com.acme.*, com..x"))
                .hasMessageStartingWith("alloc.include: 'com..x' is not a class pattern; accepted: "
                        + "comma-separated package patterns (com.acme.*)");
        assertThatThrownBy(() -> AllocationSettings.parsePatterns("alloc.exclude", "*.internal"))
                .hasMessageStartingWith("alloc.exclude: '*.internal' is not a class pattern");
        assertThatThrownBy(() -> AllocationSettings.defaults().withMaxSites(2_000_000))
                .hasMessage("alloc.maxSites: '2000000' is out of range; accepted: 100 to 1000000");
    }

    @Test
    void acceptsEveryPatternForm() {
        assertThat(AllocationSettings.parsePatterns("alloc.include", "*, com.acme.*, com.acme.Foo*, com.acme.Main, Main$Inner"))
                .containsExactly("*", "com.acme.*", "com.acme.Foo*", "com.acme.Main", "Main$Inner");
        assertThat(AllocationSettings.parsePatterns("alloc.include", " , ")).isEmpty();
    }
}
