package dev.memtrack.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memtrack.mbeans.PolicyMode;
import java.time.Duration;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;

class ValueTypeTest {

    private final ValueType interval = ConfigKey.INTERVAL.type();
    private final ValueType size = ConfigKey.LOG_MAX_BYTES.type();

    @Test
    void durationsInTheDocumentedForms() {
        assertThat(interval.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(interval.parse("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(interval.parse("1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(interval.parse("1500")).isEqualTo(Duration.ofMillis(1500));
        assertThat(interval.parse(" 3S ")).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void durationsOutsideTheRangeOrMalformedAreRejectedWithWhatIsAccepted() {
        for (String bad : new String[] {"99ms", "61s", "2m", "abc", "-1s", "1.5s", "1h", ""}) {
            assertThatThrownBy(() -> interval.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("expected a duration from 100ms to 1m such as 500ms, 2s, 1m or plain milliseconds");
        }
    }

    @Test
    void everyMillisecondCountInRangeParsesAndFormatsBack() {
        qt().withExamples(1000).forAll(longs().between(100, 60_000)).checkAssert(ms -> {
            Duration d = (Duration) interval.parse(Long.toString(ms));

            assertThat(d.toMillis()).isEqualTo(ms);
            assertThat(interval.parse(interval.format(d))).isEqualTo(d);
        });
    }

    @Test
    void sizesWithBinaryUnits() {
        assertThat(size.parse("10MiB")).isEqualTo(10L << 20);
        assertThat(size.parse("512k")).isEqualTo(512L << 10);
        assertThat(size.parse("1g")).isEqualTo(1L << 30);
        assertThat(size.parse("4096")).isEqualTo(4096L);
        assertThat(size.format(10L << 20)).isEqualTo("10MiB");
        assertThatThrownBy(() -> size.parse("1k")).hasMessageStartingWith("expected a size from 4KiB to 1024GiB");
        assertThatThrownBy(() -> size.parse("ten")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> size.parse("99999999999999g")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void integersAreAcceptedExactlyInTheirRange() {
        ValueType top = ConfigKey.PROCESSES_TOP.type();
        qt().withExamples(1000).forAll(integers().between(-1000, 1000)).checkAssert(n -> {
            if (n >= 1 && n <= 500) {
                assertThat(top.parse(Integer.toString(n))).isEqualTo(n);
            } else {
                assertThatThrownBy(() -> top.parse(Integer.toString(n))).hasMessage("expected an integer from 1 to 500");
            }
        });
    }

    @Test
    void classPatternsInEveryFormTrimmedAndFormattedBack() {
        ValueType patterns = ConfigKey.ALLOC_INCLUDE.type();
        Object parsed = patterns.parse(" *, com.acme.* ,com.acme.Foo*, com.acme.Main, Main$Inner, , ");
        assertThat(parsed).isEqualTo(java.util.List.of("*", "com.acme.*", "com.acme.Foo*", "com.acme.Main", "Main$Inner"));
        assertThat(patterns.format(parsed)).isEqualTo("*,com.acme.*,com.acme.Foo*,com.acme.Main,Main$Inner");
        assertThat(patterns.parse(patterns.format(parsed))).isEqualTo(parsed);
    }

    @Test
    void aBadClassPatternIsNamedWithWhatIsAccepted() {
        for (String bad : new String[] {"com..x", "*.internal", "com.acme.**", "1abc", "com/acme"}) {
            assertThatThrownBy(() -> ConfigKey.ALLOC_EXCLUDE.type().parse("com.ok.*," + bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'" + bad + "' is not a class pattern; expected comma-separated class patterns: "
                            + "com.acme.* (a package and its subpackages), com.acme.Foo* (a name prefix), "
                            + "com.acme.Main (a class) or * (every class)");
        }
    }

    @Test
    void booleansAreTrueOrFalseOnly() {
        ValueType bool = ConfigKey.JOLOKIA.type();
        assertThat(bool.parse("TRUE")).isEqualTo(true);
        assertThat(bool.parse("false")).isEqualTo(false);
        assertThatThrownBy(() -> bool.parse("yes")).hasMessage("expected true or false");
    }

    @Test
    void everyDefaultIsValidForItsOwnType() {
        for (ConfigKey key : ConfigKey.values()) {
            if (!key.defaultText().isEmpty()) {
                assertThat(key.type().format(key.type().parse(key.defaultText()))).as(key.key())
                        .isEqualTo(key.defaultText());
            }
        }
    }
    @Test
    void policyModeIsAnEnumConstantInAnyCaseWrittenAsItsName() {
        ValueType mode = ConfigKey.POLICY.type();

        assertThat(mode.parse(" enforce ")).isEqualTo(PolicyMode.ENFORCE);
        assertThat(mode.format(PolicyMode.OFF)).isEqualTo("OFF");
        assertThatThrownBy(() -> mode.parse("sometimes"))
                .hasMessage("expected one of OFF, ADVISORY, ENFORCE (any case)");
    }

    @Test
    void seedIsAnySixtyFourBitInteger() {
        ValueType seed = ConfigKey.POLICY_SEED.type();

        assertThat(seed.parse("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(seed.parse(" 42 ")).isEqualTo(42L);
        assertThatThrownBy(() -> seed.parse("1.5")).hasMessageStartingWith("expected an integer from ");
    }

    @Test
    void processListsArePidsAndNamePatternsSeparatedBySemicolons() {
        ValueType processes = ConfigKey.POLICY_PROCESSES.type();

        for (String good : new String[] {"1234", "postgres", "1234;postgres;ffmpeg*", "java,sleep", "1234; x?y ;",
                "0042", "9x"}) {
            assertThat(processes.parse(good)).as(good).isEqualTo(good.trim());
        }
        for (String bad : new String[] {"0", "12 34", "post gres", "a/b", ";", "1234;0", "$(reboot)"}) {
            assertThatThrownBy(() -> processes.parse(bad)).as(bad).hasMessage("expected pids and process name "
                    + "patterns (letters, digits and . _ - + * ?) separated by ';' such as 1234;postgres;ffmpeg*");
        }
    }
}
