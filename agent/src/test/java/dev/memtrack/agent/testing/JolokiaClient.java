package dev.memtrack.agent.testing;

import dev.memtrack.agent.log.JsonWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.jolokia.json.parser.JSONParser;

/**
 * A small Jolokia client for tests: JSON requests by POST with parsed answers, and raw HTTP for
 * header-level tests (including a {@code Host} header, which {@code java.net.http} refuses to set).
 *
 * <p>Immutable; the {@code with*} methods return new clients.
 */
public final class JolokiaClient {

    /** One Jolokia answer: the HTTP status and the parsed JSON body (empty if the body was not JSON). */
    public record Response(int httpStatus, Map<String, Object> json, String body) {

        /** Jolokia's own status in the JSON (200, 403, 404, 500...); -1 if none. */
        public int status() {
            Object s = json.get("status");
            return s instanceof Number n ? n.intValue() : -1;
        }

        public Object value() {
            return json.get("value");
        }

        public String error() {
            return String.valueOf(json.get("error"));
        }
    }

    private final URI base;
    private final String authorization;
    private final SSLContext tls;
    private final HttpClient http;

    public JolokiaClient(URI base) {
        this(base, null, null);
    }

    private JolokiaClient(URI base, String authorization, SSLContext tls) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.authorization = authorization;
        this.tls = tls;
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30));
        if (tls != null) {
            client.sslContext(tls);
        }
        // One client per instance: each HttpClient keeps a selector thread until it is collected.
        this.http = client.build();
    }

    public JolokiaClient withCredentials(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new JolokiaClient(base, "Basic " + token, tls);
    }

    /** Trusts what {@code tls} trusts (for a self-signed test certificate). */
    public JolokiaClient withTls(SSLContext tls) {
        return new JolokiaClient(base, authorization, tls);
    }

    public URI base() {
        return base;
    }

    public Response read(String mbean, String attribute) {
        Map<String, Object> request = request("read", mbean);
        request.put("attribute", attribute);
        return post(request);
    }

    public Response write(String mbean, String attribute, Object value) {
        Map<String, Object> request = request("write", mbean);
        request.put("attribute", attribute);
        request.put("value", value);
        return post(request);
    }

    public Response exec(String mbean, String operation, Object... arguments) {
        Map<String, Object> request = request("exec", mbean);
        request.put("operation", operation);
        request.put("arguments", Arrays.asList(arguments));
        return post(request);
    }

    public Response version() {
        return post(Map.of("type", "version"));
    }

    /** POSTs one JSON request to the Jolokia base URL. */
    public Response post(Map<String, ?> request) {
        return send("", "POST", JsonWriter.write(request), Map.of());
    }

    /** Sends any request below the base URL, e.g. {@code send("config", "POST", json, headers)}. */
    public Response send(String path, String method, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(ChildJvm.TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> response = http.send(b.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), parse(response.body()), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("request to " + base + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A plain-HTTP GET over a socket with exactly the given headers (one of which may be {@code Host}).
     * Returns the status code and body.
     */
    public Response rawGet(String path, Map<String, String> headers) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout((int) ChildJvm.TIMEOUT.toMillis());
            StringBuilder request = new StringBuilder("GET " + base.getPath() + path + " HTTP/1.1\r\n");
            Map<String, String> all = new LinkedHashMap<>();
            all.put("Host", base.getHost() + ":" + base.getPort());
            all.putAll(headers);
            all.put("Connection", "close");
            all.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String statusLine = in.readLine();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            String line;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                // headers: skipped
            }
            List<String> body = new ArrayList<>();
            while ((line = in.readLine()) != null) {
                body.add(line);
            }
            String text = String.join("\n", body);
            return new Response(status, parse(text), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> request(String type, String mbean) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("type", type);
        request.put("mbean", mbean);
        return request;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String body) {
        try {
            Object json = new JSONParser().parse(body);
            return json instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        } catch (Exception notJson) {
            return Map.of();
        }
    }
}
