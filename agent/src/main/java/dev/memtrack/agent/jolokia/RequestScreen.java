package dev.memtrack.agent.jolokia;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jolokia.json.parser.JSONParser;

/**
 * What reaches Jolokia, and what comes back when Jolokia refuses a request: after {@link RequestGuard}
 * on every context. A POST body
 * <ul>
 *   <li>larger than {@value #MAX_BODY_BYTES} bytes is refused with 413 (a Jolokia request is small;
 *       the largest legitimate one is a long reference string for the paging simulator);</li>
 *   <li>that is not JSON, or not an object or an array of objects, is refused with 400;</li>
 *   <li>with a {@code target} (at the top or in {@code options}) is refused with 403: it asks Jolokia
 *       to act as a JSR-160 proxy to another JVM, which memtrack's Jolokia does not do (the proxy is
 *       not shipped; without this check Jolokia would silently answer for this JVM instead).</li>
 * </ul>
 * The URI of every request is read as Jolokia reads it ({@link RequestUri}): a query Jolokia cannot decode
 * is refused with 400 (Jolokia would drop the connection), and so is a control character in the body, the
 * path or a query parameter ({@link ControlCharacters}).
 * Jolokia answers requests it cannot parse or convert with a plain-text 400 (and a few failures with a
 * plain-text 500): those answers are held back ({@link HeldResponse}) and sent as JSON
 * ({@link ErrorReply}); a value Jolokia could not convert is named, with what its parameter accepts
 * ({@link ConversionExplainer}). An exec of a memtrack operation with more arguments than it takes is
 * refused with 400 before Jolokia reads the surplus as a path ({@link ArgumentCountCheck}), however the exec
 * comes (POST body, GET path, or the {@code p} parameter of a GET); only a request with an exec in it is
 * rebuilt for that ({@link JolokiaRequests}). A CORS preflight ({@code OPTIONS}) gets
 * 204 with the headers Jolokia chose, where Jolokia's JVM agent answers 500. Every other answer passes through untouched.
 *
 * <p>Thread-safe.
 */
final class RequestScreen extends Filter {

    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    /** How much of a refused body is read and dropped so that its client sees the 413. */
    private static final long MAX_DISCARDED_BYTES = 64L * 1024 * 1024;

    private static final Pattern CHARSET = Pattern.compile(".*;\\s*charset=\"?([^;\"]+)\"?.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern JOLOKIA_TEXT_ERROR = Pattern.compile("^\\d{3} \\([^)]*\\)\\s*");

    private final ConversionExplainer explainer;
    private final ArgumentCountCheck argumentCounts;
    private final String contextPath;

    RequestScreen(ConversionExplainer explainer, ArgumentCountCheck argumentCounts, String contextPath) {
        this.explainer = explainer;
        this.argumentCounts = argumentCounts;
        this.contextPath = contextPath;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        byte[] bytes = null;
        if ("POST".equalsIgnoreCase(exchange.getRequestMethod())) {
            // Read before any refusal: a body left unread can reset the connection before the answer is read.
            bytes = readBody(exchange);
            if (bytes == null) {
                new ErrorReply(413, ErrorReply.BAD_REQUEST, "request body larger than " + MAX_BODY_BYTES
                        + " bytes (16 MiB) refused").send(exchange);
                return;
            }
        }
        RequestUri uri;
        try {
            uri = RequestUri.of(exchange.getRequestURI(), contextPath);
        } catch (IllegalArgumentException undecodable) {
            ErrorReply.badRequest(undecodable.getMessage()).send(exchange);
            return;
        }
        Optional<ErrorReply> uriRefusal = ControlCharacters.refusal(uri.texts());
        if (uriRefusal.isPresent()) {
            uriRefusal.get().send(exchange);
            return;
        }
        JolokiaRequests requests;
        if (bytes != null) {
            Object parsed;
            try {
                parsed = parse(bytes, charset(exchange));
            } catch (Exception e) {
                ErrorReply.badRequest("the request body is not valid JSON: " + e.getMessage()).send(exchange);
                return;
            }
            Optional<ErrorReply> refusal = shapeRefusal(parsed).or(() -> ProxyRequests.refusal(parsed))
                    .or(() -> ControlCharacters.refusal(parsed));
            if (refusal.isPresent()) {
                refusal.get().send(exchange);
                return;
            }
            requests = JolokiaRequests.posted(parsed);
            exchange.setStreams(new ByteArrayInputStream(bytes), null);
        } else {
            requests = "GET".equalsIgnoreCase(exchange.getRequestMethod()) ? JolokiaRequests.byUri(uri)
                    : JolokiaRequests.none();
        }
        // Only an exec can have too many arguments: reads and the rest go to Jolokia without a rebuild.
        if (requests.mayIncludeExec()) {
            Optional<ErrorReply> tooMany = argumentCounts.refusal(requests.all());
            if (tooMany.isPresent()) {
                tooMany.get().send(exchange);
                return;
            }
        }
        HeldResponse held = new HeldResponse(exchange);
        chain.doFilter(HeldErrorExchange.wrap(exchange, held));
        Optional<HeldResponse.HeldError> error = held.error();
        if (error.isPresent()) {
            answerAsJson(exchange, error.get(), requests);
        }
    }

    @Override
    public String description() {
        return "memtrack request screen (body size, JSON, URI, no proxy, argument counts; JSON errors)";
    }

    private void answerAsJson(HttpExchange exchange, HeldResponse.HeldError error, JolokiaRequests requests)
            throws IOException {
        if ("OPTIONS".equalsIgnoreCase(exchange.getRequestMethod()) && error.status() == 500) {
            // Jolokia's JVM agent sets the CORS headers of a preflight, then answers 500 for want of JSON.
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        String message = JOLOKIA_TEXT_ERROR.matcher(error.text()).replaceFirst("").strip();
        if (message.isEmpty()) {
            message = "request refused with HTTP status " + error.status();
        }
        if (message.startsWith("Can't process Jolokia")) {
            message = explainer.explain(requests.all()).orElse(message);
        }
        new ErrorReply(error.status(), error.status() == 400 ? ErrorReply.BAD_REQUEST
                : IllegalStateException.class.getName(), message).send(exchange);
    }

    /** The body, or null if it is larger than {@link #MAX_BODY_BYTES}. */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        try (InputStream in = exchange.getRequestBody()) {
            if (declared != null) {
                try {
                    if (Long.parseLong(declared.trim()) > MAX_BODY_BYTES) {
                        discard(in);
                        return null;
                    }
                } catch (NumberFormatException e) {
                    // The HTTP server itself rejects a malformed length; read what comes.
                }
            }
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                discard(in);
                return null;
            }
            return bytes;
        }
    }

    /**
     * Reads and drops what is left of a refused body, up to {@link #MAX_DISCARDED_BYTES}: a connection
     * closed with unread data is reset, and the client would see that instead of the 413. A larger body
     * gets the reset.
     */
    private static void discard(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = MAX_DISCARDED_BYTES;
        for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; ) {
            left -= n;
        }
    }

    /** The charset Jolokia reads the body with: the Content-Type's, else the JVM's default. */
    private static Charset charset(HttpExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null) {
            Matcher m = CHARSET.matcher(type);
            if (m.matches()) {
                try {
                    return Charset.forName(m.group(1).trim());
                } catch (RuntimeException unknown) {
                    // Jolokia fails on it in its own way; parse as it would without one.
                }
            }
        }
        return Charset.defaultCharset();
    }

    private static Object parse(byte[] bytes, Charset charset) throws Exception {
        return new JSONParser().parse(new InputStreamReader(new ByteArrayInputStream(bytes), charset));
    }

    private static Optional<ErrorReply> shapeRefusal(Object parsed) {
        if (parsed instanceof Map<?, ?>) {
            return Optional.empty();
        }
        if (parsed instanceof List<?> bulk) {
            for (int i = 0; i < bulk.size(); i++) {
                if (!(bulk.get(i) instanceof Map<?, ?>)) {
                    return Optional.of(ErrorReply.badRequest("element " + (i + 1) + " of the bulk request is "
                            + ConversionExplainer.shown(bulk.get(i)) + ", not a request object"));
                }
            }
            return Optional.empty();
        }
        return Optional.of(ErrorReply.badRequest("the request body is " + ConversionExplainer.shown(parsed)
                + "; expected a request object such as {\"type\":\"version\"}, or an array of them (a bulk request)"));
    }
}
