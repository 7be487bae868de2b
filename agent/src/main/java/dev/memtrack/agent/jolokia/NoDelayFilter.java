package dev.memtrack.agent.jolokia;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import dev.memtrack.agent.log.AgentLog;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns Nagle's algorithm off ({@code TCP_NODELAY}) on each connection of memtrack's own HTTP server,
 * before the answer is written.
 *
 * <p>Why: the JDK's HTTP server writes the headers and the body of an answer separately. With Nagle
 * on, the body waits for the client to acknowledge the headers, and a client that sends its next
 * request on the same kept-alive connection right away delays that acknowledgement (delayed ACK,
 * 40 ms on Linux): every such request took about 44 ms instead of well under one (measured with
 * {@code benchmarks/run-load.sh}). The JDK only offers the JVM-wide {@code sun.net.httpserver.nodelay}
 * property, which would change the application's own HTTP servers too; this filter reaches the
 * connection's channel instead (the JDK's {@code sun.net.httpserver} package, opened to memtrack's
 * class loader alone through {@link Instrumentation#redefineModule}).
 *
 * <p>If that is not possible on this JDK, the filter does nothing and says so once: answers are then
 * only slower for clients that send back to back. Thread-safe.
 */
final class NoDelayFilter extends Filter {

    private static final String PACKAGE = "sun.net.httpserver";

    // getExchangeImpl() of HttpExchangeImpl and of HttpsExchangeImpl (two classes, same method).
    private final Map<Class<?>, Method> exchangeImpl;
    private final Method connection;
    private final Method channel;
    private final AgentLog log;
    private volatile boolean failed;

    private NoDelayFilter(Map<Class<?>, Method> exchangeImpl, Method connection, Method channel, AgentLog log) {
        this.exchangeImpl = exchangeImpl;
        this.connection = connection;
        this.channel = channel;
        this.log = log;
    }

    /** The filter, or empty (with a warning) when this JDK's HTTP server cannot be reached. */
    static Optional<Filter> create(Instrumentation instrumentation, AgentLog log) {
        try {
            Module httpServer = com.sun.net.httpserver.HttpServer.class.getModule();
            Module memtrack = NoDelayFilter.class.getModule();
            if (instrumentation == null || !instrumentation.isModifiableModule(httpServer)) {
                throw new IllegalStateException("the jdk.httpserver module cannot be opened to memtrack");
            }
            if (!httpServer.isOpen(PACKAGE, memtrack)) {
                instrumentation.redefineModule(httpServer, Set.of(), Map.of(), Map.of(PACKAGE, Set.of(memtrack)),
                        Set.of(), Map.of());
            }
            Method http = method(PACKAGE + ".HttpExchangeImpl", "getExchangeImpl");
            Method https = method(PACKAGE + ".HttpsExchangeImpl", "getExchangeImpl");
            Method connection = method(PACKAGE + ".ExchangeImpl", "getConnection");
            Method channel = method(PACKAGE + ".HttpConnection", "getChannel");
            return Optional.of(new NoDelayFilter(Map.of(http.getDeclaringClass(), http,
                    https.getDeclaringClass(), https), connection, channel, log));
        } catch (ReflectiveOperationException | RuntimeException e) {
            warn(log, e);
            return Optional.empty();
        }
    }

    private static Method method(String className, String name) throws ReflectiveOperationException {
        Method m = Class.forName(className, false, ClassLoader.getPlatformClassLoader()).getDeclaredMethod(name);
        m.setAccessible(true);
        return m;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        if (!failed) {
            noDelay(exchange);
        }
        chain.doFilter(exchange);
    }

    private void noDelay(HttpExchange exchange) {
        try {
            Method implOf = exchangeImpl.get(exchange.getClass());
            if (implOf == null) {
                throw new IllegalStateException("unexpected exchange class " + exchange.getClass().getName());
            }
            Object c = connection.invoke(implOf.invoke(exchange));
            ((SocketChannel) channel.invoke(c)).setOption(StandardSocketOptions.TCP_NODELAY, true);
        } catch (IOException connectionGone) {
            // The client went away; the exchange fails on its own.
        } catch (ReflectiveOperationException | RuntimeException e) {
            failed = true;
            warn(log, e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e);
        }
    }

    private static void warn(AgentLog log, Throwable why) {
        log.warnOnce("jolokia-nodelay", "cannot turn Nagle's algorithm off on Jolokia's connections ("
                + AgentLog.describe(why) + "): clients that send requests back to back on one connection wait up "
                + "to 40 ms per answer; everything else works");
    }

    @Override
    public String description() {
        return "memtrack: TCP_NODELAY on each connection";
    }
}
