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
 * An {@link HttpServer} that puts the same filters, in order, in front of every context created on it.
 * Jolokia creates its contexts itself (and leaves {@code /jolokia/config} without authenticator), so
 * this is how every path gets the same guard.
 */
final class GuardedHttpServer extends HttpServer {

    private final HttpServer delegate;
    private final List<Filter> guards;

    GuardedHttpServer(HttpServer delegate, List<Filter> guards) {
        this.delegate = delegate;
        this.guards = List.copyOf(guards);
    }

    @Override
    public HttpContext createContext(String path, HttpHandler handler) {
        HttpContext context = delegate.createContext(path, handler);
        context.getFilters().addAll(0, guards);
        return context;
    }

    @Override
    public HttpContext createContext(String path) {
        HttpContext context = delegate.createContext(path);
        context.getFilters().addAll(0, guards);
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
