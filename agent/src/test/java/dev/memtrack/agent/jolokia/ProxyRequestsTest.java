package dev.memtrack.agent.jolokia;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyRequestsTest {

    @Test
    void aTargetInEitherFormAnywhereInABulkIsRefused() {
        Map<String, Object> legacy = Map.of("type", "version", "target", Map.of("url", "rmi://h:1/x"));
        Map<String, Object> options = Map.of("type", "version", "options", Map.of("target", Map.of("url", "ldap://h/x")));

        assertThat(ProxyRequests.refusal(legacy)).get().extracting(ErrorReply::status).isEqualTo(403);
        assertThat(ProxyRequests.refusal(options).orElseThrow().message()).contains("(target \"ldap://h/x\")");
        assertThat(ProxyRequests.refusal(List.of(Map.of("type", "version"), legacy))).isPresent();
        assertThat(ProxyRequests.refusal(Map.of("type", "version", "options", Map.of("maxDepth", 3)))).isEmpty();
    }
}
