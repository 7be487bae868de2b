package dev.memtrack.agent.jolokia;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestOriginTest {

    private final RequestOrigin loopback = new RequestOrigin(true);
    private final RequestOrigin network = new RequestOrigin(false);

    @Test
    void plainClientsWithoutBrowserHeadersPass() {
        assertThat(loopback.refusal(null, null, null)).isEmpty();
        assertThat(loopback.refusal("127.0.0.1:8778", null, null)).isEmpty();
        assertThat(loopback.refusal("localhost:8778", null, "none")).isEmpty();
        assertThat(loopback.refusal("[::1]:8778", null, "same-origin")).isEmpty();
        assertThat(loopback.refusal("127.1.2.3", null, null)).isEmpty();
    }

    @Test
    void nonLoopbackHostIsRefusedOnALoopbackEndpoint() {
        assertThat(loopback.refusal("evil.example:8778", null, null)).hasValue(
                "Host 'evil.example:8778' is not a loopback name; this endpoint only answers requests addressed to "
                        + "localhost, 127.0.0.1 or [::1]");
        assertThat(loopback.refusal("10.0.0.5:8778", null, null)).isPresent();
        assertThat(loopback.refusal("localhost.evil.example", null, null)).isPresent();
        assertThat(network.refusal("monitoring.example:8778", null, null)).isEmpty();
    }

    @Test
    void foreignOriginsAreRefusedLoopbackAndSameOriginPass() {
        assertThat(loopback.refusal("127.0.0.1:8778", "http://evil.example", null))
                .hasValue("Origin 'http://evil.example' is neither a loopback origin nor this endpoint");
        assertThat(loopback.refusal("127.0.0.1:8778", "null", null)).isPresent();
        assertThat(loopback.refusal("127.0.0.1:8778", "not a uri", null)).isPresent();
        assertThat(loopback.refusal("127.0.0.1:8778", "http://localhost:3000", null)).isEmpty();
        assertThat(loopback.refusal("127.0.0.1:8778", "https://[::1]:8443", null)).isEmpty();
        assertThat(network.refusal("monitoring.example:8778", "https://monitoring.example:8778", null)).isEmpty();
        assertThat(network.refusal("monitoring.example:8778", "https://other.example", null)).isPresent();
    }

    @Test
    void crossSiteFetchesAreRefused() {
        assertThat(loopback.refusal("localhost:8778", null, "cross-site"))
                .hasValue("cross-site browser requests are refused (Sec-Fetch-Site: cross-site)");
        assertThat(loopback.refusal("localhost:8778", null, "same-site")).isEmpty();
    }

    @Test
    void hostNamesAreNeverResolved() {
        assertThat(RequestOrigin.isLoopbackName("localhost")).isTrue();
        assertThat(RequestOrigin.isLoopbackName("127.0.0.1")).isTrue();
        assertThat(RequestOrigin.isLoopbackName("::1")).isTrue();
        assertThat(RequestOrigin.isLoopbackName("ip6-localhost")).isFalse();
        assertThat(RequestOrigin.hostName("[::1]:80")).isEqualTo("::1");
        assertThat(RequestOrigin.hostName("localhost:80")).isEqualTo("localhost");
    }
}
