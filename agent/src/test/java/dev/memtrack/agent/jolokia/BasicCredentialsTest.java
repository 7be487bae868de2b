package dev.memtrack.agent.jolokia;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    private final BasicCredentials credentials = new BasicCredentials("ops", "pa:ss");

    private static String basic(String userPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void matchesOnlyTheConfiguredUserAndPassword() {
        assertThat(credentials.matches(basic("ops:pa:ss"))).isTrue();
        assertThat(credentials.matches("basic " + basic("ops:pa:ss").substring(6))).isTrue();
        assertThat(credentials.matches(basic("ops:pa:sS"))).isFalse();
        assertThat(credentials.matches(basic("op:spa:ss"))).isFalse();
        assertThat(credentials.matches(null)).isFalse();
        assertThat(credentials.matches("Bearer abc")).isFalse();
        assertThat(credentials.matches("Basic !!!")).isFalse();
    }
}
