package dev.memtrack.agent.testing.load;

import java.nio.charset.StandardCharsets;

/**
 * One request of the mix: its kind, the JSON body, and how many Jolokia answers it expects (1, or
 * the number of requests in a bulk).
 */
public record LoadRequest(RequestKind kind, byte[] body, int expectedAnswers) {

    static LoadRequest single(RequestKind kind, String json) {
        return new LoadRequest(kind, json.getBytes(StandardCharsets.UTF_8), 1);
    }

    static LoadRequest bulk(RequestKind kind, String json, int requests) {
        return new LoadRequest(kind, json.getBytes(StandardCharsets.UTF_8), requests);
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
