package dev.memtrack.agent.jolokia;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import com.sun.net.httpserver.HttpsExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import javax.net.ssl.SSLSession;

/**
 * The exchange Jolokia's handler gets: the client's exchange with its response going through a
 * {@link HeldResponse}. An https exchange must stay an {@link HttpsExchange} (Jolokia tells the scheme by
 * the type), and a class can extend only one of the two: {@link Secure} adds the TLS session and hands
 * every other call to a {@code HeldErrorExchange}, so what is held is decided here alone.
 */
final class HeldErrorExchange extends HttpExchange {

    private final HttpExchange client;
    private final HeldResponse held;

    private HeldErrorExchange(HttpExchange client, HeldResponse held) {
        this.client = client;
        this.held = held;
    }

    /** Wraps {@code client}; {@code held} must be a {@link HeldResponse} of the same exchange. */
    static HttpExchange wrap(HttpExchange client, HeldResponse held) {
        HeldErrorExchange exchange = new HeldErrorExchange(client, held);
        return client instanceof HttpsExchange https ? new Secure(https, exchange) : exchange;
    }

    @Override public OutputStream getResponseBody() { return held.body(); }
    @Override public void sendResponseHeaders(int code, long length) throws IOException { held.sendResponseHeaders(code, length); }
    @Override public int getResponseCode() { return held.status(); }

    @Override public Headers getRequestHeaders() { return client.getRequestHeaders(); }
    @Override public Headers getResponseHeaders() { return client.getResponseHeaders(); }
    @Override public URI getRequestURI() { return client.getRequestURI(); }
    @Override public String getRequestMethod() { return client.getRequestMethod(); }
    @Override public HttpContext getHttpContext() { return client.getHttpContext(); }
    @Override public void close() { client.close(); }
    @Override public InputStream getRequestBody() { return client.getRequestBody(); }
    @Override public InetSocketAddress getRemoteAddress() { return client.getRemoteAddress(); }
    @Override public InetSocketAddress getLocalAddress() { return client.getLocalAddress(); }
    @Override public String getProtocol() { return client.getProtocol(); }
    @Override public Object getAttribute(String name) { return client.getAttribute(name); }
    @Override public void setAttribute(String name, Object value) { client.setAttribute(name, value); }
    @Override public void setStreams(InputStream in, OutputStream out) { client.setStreams(in, out); }
    @Override public HttpPrincipal getPrincipal() { return client.getPrincipal(); }

    /** An https client's exchange: its TLS session, and everything else as the {@code HeldErrorExchange}. */
    private static final class Secure extends HttpsExchange {
        private final HttpsExchange client;
        private final HeldErrorExchange exchange;

        Secure(HttpsExchange client, HeldErrorExchange exchange) {
            this.client = client;
            this.exchange = exchange;
        }

        @Override public SSLSession getSSLSession() { return client.getSSLSession(); }
        @Override public OutputStream getResponseBody() { return exchange.getResponseBody(); }
        @Override public void sendResponseHeaders(int code, long length) throws IOException { exchange.sendResponseHeaders(code, length); }
        @Override public int getResponseCode() { return exchange.getResponseCode(); }
        @Override public Headers getRequestHeaders() { return exchange.getRequestHeaders(); }
        @Override public Headers getResponseHeaders() { return exchange.getResponseHeaders(); }
        @Override public URI getRequestURI() { return exchange.getRequestURI(); }
        @Override public String getRequestMethod() { return exchange.getRequestMethod(); }
        @Override public HttpContext getHttpContext() { return exchange.getHttpContext(); }
        @Override public void close() { exchange.close(); }
        @Override public InputStream getRequestBody() { return exchange.getRequestBody(); }
        @Override public InetSocketAddress getRemoteAddress() { return exchange.getRemoteAddress(); }
        @Override public InetSocketAddress getLocalAddress() { return exchange.getLocalAddress(); }
        @Override public String getProtocol() { return exchange.getProtocol(); }
        @Override public Object getAttribute(String name) { return exchange.getAttribute(name); }
        @Override public void setAttribute(String name, Object value) { exchange.setAttribute(name, value); }
        @Override public void setStreams(InputStream in, OutputStream out) { exchange.setStreams(in, out); }
        @Override public HttpPrincipal getPrincipal() { return exchange.getPrincipal(); }
    }
}
