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
 * {@link HeldResponse}. An https exchange stays an {@link HttpsExchange} (Jolokia tells the scheme by
 * the type), hence the two variants, identical but for their superclass.
 */
final class HeldErrorExchange {

    private HeldErrorExchange() {
    }

    /** Wraps {@code client}; {@code held} must be a {@link HeldResponse} of the same exchange. */
    static HttpExchange wrap(HttpExchange client, HeldResponse held) {
        return client instanceof HttpsExchange https ? new Secure(https, held) : new Plain(client, held);
    }

    private static final class Plain extends HttpExchange {
        private final HttpExchange client;
        private final HeldResponse held;

        Plain(HttpExchange client, HeldResponse held) {
            this.client = client;
            this.held = held;
        }

        @Override public Headers getRequestHeaders() { return client.getRequestHeaders(); }
        @Override public Headers getResponseHeaders() { return client.getResponseHeaders(); }
        @Override public URI getRequestURI() { return client.getRequestURI(); }
        @Override public String getRequestMethod() { return client.getRequestMethod(); }
        @Override public HttpContext getHttpContext() { return client.getHttpContext(); }
        @Override public void close() { client.close(); }
        @Override public InputStream getRequestBody() { return client.getRequestBody(); }
        @Override public OutputStream getResponseBody() { return held.body(); }
        @Override public void sendResponseHeaders(int code, long length) throws IOException { held.sendResponseHeaders(code, length); }
        @Override public InetSocketAddress getRemoteAddress() { return client.getRemoteAddress(); }
        @Override public int getResponseCode() { return held.status(); }
        @Override public InetSocketAddress getLocalAddress() { return client.getLocalAddress(); }
        @Override public String getProtocol() { return client.getProtocol(); }
        @Override public Object getAttribute(String name) { return client.getAttribute(name); }
        @Override public void setAttribute(String name, Object value) { client.setAttribute(name, value); }
        @Override public void setStreams(InputStream in, OutputStream out) { client.setStreams(in, out); }
        @Override public HttpPrincipal getPrincipal() { return client.getPrincipal(); }
    }

    private static final class Secure extends HttpsExchange {
        private final HttpsExchange client;
        private final HeldResponse held;

        Secure(HttpsExchange client, HeldResponse held) {
            this.client = client;
            this.held = held;
        }

        @Override public SSLSession getSSLSession() { return client.getSSLSession(); }
        @Override public Headers getRequestHeaders() { return client.getRequestHeaders(); }
        @Override public Headers getResponseHeaders() { return client.getResponseHeaders(); }
        @Override public URI getRequestURI() { return client.getRequestURI(); }
        @Override public String getRequestMethod() { return client.getRequestMethod(); }
        @Override public HttpContext getHttpContext() { return client.getHttpContext(); }
        @Override public void close() { client.close(); }
        @Override public InputStream getRequestBody() { return client.getRequestBody(); }
        @Override public OutputStream getResponseBody() { return held.body(); }
        @Override public void sendResponseHeaders(int code, long length) throws IOException { held.sendResponseHeaders(code, length); }
        @Override public InetSocketAddress getRemoteAddress() { return client.getRemoteAddress(); }
        @Override public int getResponseCode() { return held.status(); }
        @Override public InetSocketAddress getLocalAddress() { return client.getLocalAddress(); }
        @Override public String getProtocol() { return client.getProtocol(); }
        @Override public Object getAttribute(String name) { return client.getAttribute(name); }
        @Override public void setAttribute(String name, Object value) { client.setAttribute(name, value); }
        @Override public void setStreams(InputStream in, OutputStream out) { client.setStreams(in, out); }
        @Override public HttpPrincipal getPrincipal() { return client.getPrincipal(); }
    }
}
