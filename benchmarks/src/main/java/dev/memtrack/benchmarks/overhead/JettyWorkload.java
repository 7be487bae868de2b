package dev.memtrack.benchmarks.overhead;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.api.ContentResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.AbstractHandler;

/**
 * A Jetty server and Jetty's HTTP client on loopback: {@value #REQUESTS} GET requests, each answered
 * with a small JSON document built from its query, over keep-alive connections from
 * {@value #CLIENTS} client threads.
 */
public final class JettyWorkload implements Workload {

    static final int REQUESTS = 8_000;
    static final int CLIENTS = 4;

    @Override
    public void run(Path work, Path input) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new JsonHandler());
        server.start();
        HttpClient client = new HttpClient();
        client.start();
        try {
            String base = "http://127.0.0.1:" + connector.getLocalPort() + "/items?id=";
            AtomicLong bytes = new AtomicLong();
            Thread[] threads = new Thread[CLIENTS];
            for (int t = 0; t < CLIENTS; t++) {
                int first = t;
                threads[t] = new Thread(() -> {
                    try {
                        for (int i = first; i < REQUESTS; i += CLIENTS) {
                            ContentResponse r = client.GET(base + i);
                            if (r.getStatus() != 200) {
                                throw new IllegalStateException("status " + r.getStatus());
                            }
                            bytes.addAndGet(r.getContent().length);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, "client-" + t);
                threads[t].start();
            }
            for (Thread t : threads) {
                t.join();
            }
            if (bytes.get() == 0) {
                throw new IllegalStateException("no response bodies");
            }
        } finally {
            client.stop();
            server.stop();
        }
    }

    /** Answers {@code /items?id=N} with a JSON document about item N. */
    static final class JsonHandler extends AbstractHandler {

        @Override
        public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            long id = Long.parseLong(request.getParameter("id"));
            StringBuilder json = new StringBuilder(512).append("{\"id\":").append(id).append(",\"name\":\"item ")
                    .append(id).append("\",\"tags\":[");
            for (int i = 0; i < 8; i++) {
                json.append(i == 0 ? "" : ",").append("\"tag-").append((id + i) % 13).append('"');
            }
            json.append("],\"price\":").append(id % 1000 / 10.0).append(",\"path\":\"").append(target).append("\"}");
            byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
            response.setStatus(200);
            response.setContentType("application/json");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            baseRequest.setHandled(true);
        }
    }
}
