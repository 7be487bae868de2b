package dev.memtrack.agent.jolokia;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The first thing every request to the endpoint goes through, on every context Jolokia creates
 * (including its unauthenticated {@code /config}): refuses browser requests from elsewhere with 403
 * ({@link RequestOrigin}), then, when credentials are configured, requests without them with 401.
 * Jolokia's access policy applies after this.
 *
 * <p>Thread-safe.
 */
final class RequestGuard extends Filter {

    static final String REALM = "memtrack";

    private final RequestOrigin origin;
    private final BasicCredentials credentials;

    /** @param credentials {@code null} when no authentication is configured */
    RequestGuard(RequestOrigin origin, BasicCredentials credentials) {
        this.origin = origin;
        this.credentials = credentials;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        Headers headers = exchange.getRequestHeaders();
        Optional<String> refusal = origin.refusal(headers.getFirst("Host"), headers.getFirst("Origin"),
                headers.getFirst("Sec-Fetch-Site"));
        if (refusal.isPresent()) {
            reply(exchange, 403, "403 Forbidden: " + refusal.get());
            return;
        }
        if (credentials != null && !credentials.matches(headers.getFirst("Authorization"))) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
            reply(exchange, 401, "401 Unauthorized: this endpoint needs a user and password");
            return;
        }
        chain.doFilter(exchange);
    }

    @Override
    public String description() {
        return "memtrack request guard (origin, host, credentials)";
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
