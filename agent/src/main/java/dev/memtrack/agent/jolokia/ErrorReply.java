package dev.memtrack.agent.jolokia;

import com.sun.net.httpserver.HttpExchange;
import dev.memtrack.agent.log.JsonWriter;
import dev.memtrack.mbeans.MessageText;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer of the endpoint itself (not of one Jolokia request): a JSON object shaped like
 * Jolokia's own errors, {@code {"status":403,"error_type":"java.lang.SecurityException","error":"..."}},
 * sent with the same HTTP status, so that every error a client can get is JSON with a one-line
 * message and never a stack trace.
 */
record ErrorReply(int status, String errorType, String message) {

    static final String BAD_REQUEST = "org.jolokia.server.core.request.BadRequestException";
    static final String SECURITY = SecurityException.class.getName();

    static ErrorReply badRequest(String message) {
        return new ErrorReply(400, BAD_REQUEST, message);
    }

    static ErrorReply forbidden(String message) {
        return new ErrorReply(403, SECURITY, message);
    }

    String json() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error_type", errorType);
        body.put("error", MessageText.safe(message));
        return JsonWriter.write(body);
    }

    /** Sends this answer and completes the exchange. */
    void send(HttpExchange exchange) throws IOException {
        byte[] body = (json() + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
