package dev.memtrack.agent.jolokia;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import com.sun.net.httpserver.HttpServer;
import dev.memtrack.agent.log.AgentLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link NoDelayFilter} on a real JDK HTTP server with a real client: the connection behind an
 * exchange has {@code TCP_NODELAY} on with the filter and off without it (the JDK's default, the
 * control); when the filter cannot reach the connection it warns once and the request still succeeds.
 */
class NoDelayFilterTest {

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final AgentLog log = new AgentLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8));
    private final HttpClient client = HttpClient.newHttpClient();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void turnsNaglesAlgorithmOffOnTheExchangesConnection() throws Exception {
        Filter filter = NoDelayFilter.create(ByteBuddyAgent.install(), log).orElseThrow();

        // The client keeps one connection for both requests: first the JDK's default, then what the filter did to it.
        assertThat(get(context("/without", List.of()))).as("the JDK's default (the control)").isEqualTo("TCP_NODELAY=false");
        assertThat(get(context("/with", List.of(filter)))).isEqualTo("TCP_NODELAY=true");
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void withoutInstrumentationThereIsNoFilterAndOneClearWarning() {
        Optional<Filter> filter = NoDelayFilter.create(null, log);

        assertThat(filter).isEmpty();
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).startsWith(AgentLog.PREFIX)
                .contains("cannot turn Nagle's algorithm off").contains("jdk.httpserver module cannot be opened")
                .contains("everything else works");
    }

    @Test
    void anExchangeItCannotReachIsPassedOnAndWarnedAboutOnce() throws Exception {
        Filter filter = NoDelayFilter.create(ByteBuddyAgent.install(), log).orElseThrow();
        Filter wrapping = new Filter() {
            @Override
            public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
                // An exchange of another class than the JDK's own, as another server implementation would pass.
                filter.doFilter(new DelegatingExchange(exchange), chain);
            }

            @Override
            public String description() {
                return "wraps the exchange";
            }
        };
        String path = context("/wrapped", List.of(wrapping));

        assertThat(get(path)).isEqualTo("TCP_NODELAY=false");
        assertThat(get(path)).isEqualTo("TCP_NODELAY=false");
        String logged = logBytes.toString(StandardCharsets.UTF_8);
        assertThat(logged).contains("unexpected exchange class").contains(DelegatingExchange.class.getName());
        assertThat(logged.lines()).hasSize(1);
    }

    /** A context whose handler answers with the TCP_NODELAY option of its connection. */
    private String context(String path, List<Filter> filters) {
        HttpContext context = server.createContext(path, exchange -> {
            byte[] body = ("TCP_NODELAY=" + noDelay(exchange)).getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        context.getFilters().addAll(filters);
        return path;
    }

    private String get(String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** Reads the option through the JDK's internals (opened to this test's module by the filter's create). */
    private static Object noDelay(HttpExchange exchange) {
        try {
            HttpExchange jdkExchange = exchange instanceof DelegatingExchange d ? d.delegate : exchange;
            Method implOf = jdkExchange.getClass().getDeclaredMethod("getExchangeImpl");
            implOf.setAccessible(true);
            Object impl = implOf.invoke(jdkExchange);
            Method connection = Class.forName("sun.net.httpserver.ExchangeImpl").getDeclaredMethod("getConnection");
            connection.setAccessible(true);
            Method channel = Class.forName("sun.net.httpserver.HttpConnection").getDeclaredMethod("getChannel");
            channel.setAccessible(true);
            SocketOption<Boolean> option = StandardSocketOptions.TCP_NODELAY;
            return ((SocketChannel) channel.invoke(connection.invoke(impl))).getOption(option);
        } catch (ReflectiveOperationException | IOException e) {
            return "unknown: " + e;
        }
    }

    /** An exchange of another class than the JDK's: every call goes to the JDK's exchange. */
    private static final class DelegatingExchange extends HttpExchange {
        private final HttpExchange delegate;

        DelegatingExchange(HttpExchange delegate) {
            this.delegate = delegate;
        }

        @Override public Headers getRequestHeaders() { return delegate.getRequestHeaders(); }
        @Override public Headers getResponseHeaders() { return delegate.getResponseHeaders(); }
        @Override public URI getRequestURI() { return delegate.getRequestURI(); }
        @Override public String getRequestMethod() { return delegate.getRequestMethod(); }
        @Override public HttpContext getHttpContext() { return delegate.getHttpContext(); }
        @Override public void close() { delegate.close(); }
        @Override public InputStream getRequestBody() { return delegate.getRequestBody(); }
        @Override public OutputStream getResponseBody() { return delegate.getResponseBody(); }
        @Override public void sendResponseHeaders(int code, long length) throws IOException {
            delegate.sendResponseHeaders(code, length);
        }
        @Override public InetSocketAddress getRemoteAddress() { return delegate.getRemoteAddress(); }
        @Override public int getResponseCode() { return delegate.getResponseCode(); }
        @Override public InetSocketAddress getLocalAddress() { return delegate.getLocalAddress(); }
        @Override public String getProtocol() { return delegate.getProtocol(); }
        @Override public Object getAttribute(String name) { return delegate.getAttribute(name); }
        @Override public void setAttribute(String name, Object value) { delegate.setAttribute(name, value); }
        @Override public void setStreams(InputStream in, OutputStream out) { delegate.setStreams(in, out); }
        @Override public HttpPrincipal getPrincipal() { return delegate.getPrincipal(); }
    }
}
