package dev.memtrack.agent.jolokia;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * An {@link HttpServer} that puts filters in front of every context created on it. Jolokia creates
 * its contexts itself (and leaves {@code /jolokia/config} without authenticator), so this is how
 * every path gets the same guard.
 */
final class GuardedHttpServer extends HttpServer {

    private final HttpServer delegate;
    private final List<Filter> filters;

    /** @param filters run in this order before the context's own filters and handler */
    GuardedHttpServer(HttpServer delegate, List<Filter> filters) {
        this.delegate = delegate;
        this.filters = List.copyOf(filters);
    }

    @Override
    public HttpContext createContext(String path, HttpHandler handler) {
        return guarded(delegate.createContext(path, handler));
    }

    @Override
    public HttpContext createContext(String path) {
        return guarded(delegate.createContext(path));
    }

    private HttpContext guarded(HttpContext context) {
        context.getFilters().addAll(0, filters);
        return context;
    }

    @Override
    public void bind(InetSocketAddress address, int backlog) throws IOException {
        delegate.bind(address, backlog);
    }

    @Override
    public void start() {
        delegate.start();
    }

    @Override
    public void setExecutor(Executor executor) {
        delegate.setExecutor(executor);
    }

    @Override
    public Executor getExecutor() {
        return delegate.getExecutor();
    }

    @Override
    public void stop(int delaySeconds) {
        delegate.stop(delaySeconds);
    }

    @Override
    public void removeContext(String path) {
        delegate.removeContext(path);
    }

    @Override
    public void removeContext(HttpContext context) {
        delegate.removeContext(context);
    }

    @Override
    public InetSocketAddress getAddress() {
        return delegate.getAddress();
    }
}
