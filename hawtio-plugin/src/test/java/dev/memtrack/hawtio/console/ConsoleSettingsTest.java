package dev.memtrack.hawtio.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Settings as Spring resolves them from real property sources (command line over defaults). */
class ConsoleSettingsTest {

    private static final Map<String, Object> DEFAULTS = Map.of(
            "server.address", "127.0.0.1",
            "hawtio.authenticationEnabled", "false");

    @Test
    void readsRepeatedConnectOptionsInOrder() {
        ConsoleSettings settings = settings("--memtrack.connect=a=http://127.0.0.1:8778/jolokia/",
                "--memtrack.connect=http://localhost:8779/jolokia/");

        assertThat(settings.targets()).extracting(ConnectTarget::name).containsExactly("a", "localhost:8779");
        assertThat(settings.loopbackOnly()).isTrue();
    }

    @Test
    void allowsTheProxyToLoopbackAndTheNamedHostsOnly() {
        ConsoleSettings settings = settings("--memtrack.connect=http://jvm-1.internal:8778/jolokia/");

        assertThat(settings.proxyAllowlist()).isEqualTo("localhost, 127.0.0.1, [::1], jvm-1.internal");
    }

    @Test
    void refusesToRunWithoutAuthenticationOnANonLoopbackAddress() {
        assertThatThrownBy(() -> settings("--server.address=0.0.0.0"))
                .isInstanceOf(ConsoleConfigurationException.class)
                .hasMessageContaining("'0.0.0.0', which is not a loopback address, with authentication off");
        assertThatThrownBy(() -> settings("--server.address="))
                .hasMessageContaining("would listen on all interfaces");
    }

    @Test
    void acceptsANonLoopbackAddressWhenAuthenticationIsOn() {
        ConsoleSettings settings = settings("--server.address=0.0.0.0", "--hawtio.authenticationEnabled=true");

        assertThat(settings.authenticationEnabled()).isTrue();
        assertThat(settings.loopbackOnly()).isFalse();
    }

    @Test
    void acceptsIpv6Loopback() {
        assertThat(settings("--server.address=::1").loopbackOnly()).isTrue();
    }

    @Test
    void refusesTwoJvmsWithTheSameName() {
        assertThatThrownBy(() -> settings("--memtrack.connect=a=http://127.0.0.1:1/jolokia",
                "--memtrack.connect=a=http://127.0.0.1:2/jolokia"))
                .hasMessage("Two --memtrack.connect options use the name 'a'.");
    }

    @Test
    void startsWithoutAnyJvm() {
        assertThat(settings().targets()).isEmpty();
    }

    private static ConsoleSettings settings(String... args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        environment.getPropertySources().addLast(new MapPropertySource("defaults", new HashMap<>(DEFAULTS)));
        return ConsoleSettings.from(environment);
    }
}
