package dev.memtrack.agent.jolokia;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Optional;

/**
 * The first thing every request to the endpoint goes through, on every context Jolokia creates
 * (including its unauthenticated {@code /config}): refuses browser requests from elsewhere with 403
 * ({@link RequestOrigin}), then, when credentials are configured, requests without them with 401.
 * Both answers are JSON ({@link ErrorReply}). Jolokia's access policy applies after this.
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
            ErrorReply.forbidden(refusal.get()).send(exchange);
            return;
        }
        if (credentials != null && !credentials.matches(headers.getFirst("Authorization"))) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
            new ErrorReply(401, ErrorReply.SECURITY, "this endpoint needs a user and password").send(exchange);
            return;
        }
        chain.doFilter(exchange);
    }

    @Override
    public String description() {
        return "memtrack request guard (origin, host, credentials)";
    }
}
