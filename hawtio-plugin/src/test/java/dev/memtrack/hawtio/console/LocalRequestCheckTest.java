package dev.memtrack.hawtio.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalRequestCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:8780", "localhost:8780", "LOCALHOST", "[::1]:8780", "127.1.2.3"})
    void acceptsLoopbackHosts(String host) {
        assertThat(LocalRequestCheck.rejection("GET", "/", host, null, null, null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example:8780", "10.0.0.5:8780", "127.0.0.1.evil.example", "[::2]:8780"})
    void refusesOtherHostsAsDnsRebindingWouldSendThem(String host) {
        assertThat(LocalRequestCheck.rejection("GET", "/", host, null, null, null))
                .get().asString().contains("not '" + host + "'");
    }

    @Test
    void refusesAMissingHostHeader() {
        assertThat(LocalRequestCheck.rejection("GET", "/", null, null, null, null)).isPresent();
    }

    @Test
    void acceptsItsOwnOriginAndRefusesOthers() {
        String proxy = "/actuator/hawtio/proxy/http/127.0.0.1/8778/jolokia/";
        assertThat(LocalRequestCheck.rejection("POST", proxy, "127.0.0.1:8780", "http://127.0.0.1:8780", "same-origin", "cors"))
                .isEmpty();
        assertThat(LocalRequestCheck.rejection("POST", proxy, "127.0.0.1:8780", "http://evil.example", null, null))
                .get().asString().contains("'http://evil.example'");
        assertThat(LocalRequestCheck.rejection("POST", proxy, "127.0.0.1:8780", "http://localhost:8780", null, null))
                .isPresent();
        assertThat(LocalRequestCheck.rejection("POST", proxy, "127.0.0.1:8780", "null", null, null)).isPresent();
    }

    @Test
    void letsOtherSitesLinkToTheLandingPageOnly() {
        assertThat(LocalRequestCheck.rejection("GET", "/", "127.0.0.1:8780", null, "cross-site", "navigate")).isEmpty();
        assertThat(LocalRequestCheck.rejection("GET", "/actuator/jolokia/exec/java.lang:type=Memory/gc", "127.0.0.1:8780",
                null, "cross-site", "navigate")).isPresent();
        assertThat(LocalRequestCheck.rejection("GET", "/", "127.0.0.1:8780", null, "same-site", "no-cors")).isPresent();
        assertThat(LocalRequestCheck.rejection("GET", "/actuator/hawtio/", "127.0.0.1:8780", null, "none", "navigate"))
                .isEmpty();
    }
}
