package dev.memtrack.agent.jolokia;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;

/**
 * An {@link HttpServer} that puts a filter in front of every context created on it. Jolokia creates
 * its contexts itself (and leaves {@code /jolokia/config} without authenticator), so this is how
 * every path gets the same guard.
 */
final class GuardedHttpServer extends HttpServer {

    private final HttpServer delegate;
    private final Filter guard;

    GuardedHttpServer(HttpServer delegate, Filter guard) {
        this.delegate = delegate;
        this.guard = guard;
    }

    @Override
    public HttpContext createContext(String path, HttpHandler handler) {
        HttpContext context = delegate.createContext(path, handler);
        context.getFilters().add(0, guard);
        return context;
    }

    @Override
    public HttpContext createContext(String path) {
        HttpContext context = delegate.createContext(path);
        context.getFilters().add(0, guard);
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
