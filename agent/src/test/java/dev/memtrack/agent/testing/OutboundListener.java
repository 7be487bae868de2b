package dev.memtrack.agent.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP listener on a free loopback port that counts the connections it gets: the place a request
 * would connect to if something in the agent opened an outbound connection (a JSR-160 proxy, a JNDI
 * lookup). Accepts on a daemon thread with a short timeout, so it can be closed at any time.
 */
public final class OutboundListener implements AutoCloseable {

    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean open = true;

    public OutboundListener() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            socket.setSoTimeout(200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(this::accept, "outbound-listener-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (open) {
            try (Socket connection = socket.accept()) {
                connections.incrementAndGet();
            } catch (SocketTimeoutException nothingYet) {
                // keep listening
            } catch (IOException closed) {
                return;
            }
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** Keeps listening for {@code millis} more (a connection attempt may lag behind its request), then counts. */
    public int connectionsAfter(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return connections();
    }

    @Override
    public void close() {
        open = false;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
