package dev.memtrack.agent.jolokia;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The response side of one exchange as Jolokia's handler writes it: a success goes straight to the
 * client; an error status (Jolokia answers 400 and 500 in plain text, without JSON) is held back so
 * that {@link RequestScreen} can answer JSON instead. Only the first {@value #MAX_HELD_BYTES} bytes
 * of a held body are kept: it is a message, not data.
 *
 * <p>Not thread-safe: one exchange, one handler thread.
 */
final class HeldResponse {

    static final int MAX_HELD_BYTES = 16 * 1024;

    /** What the handler answered with an error status: the status and its plain-text body. */
    record HeldError(int status, String text) {
    }

    private final HttpExchange client;
    private int heldStatus;
    private BoundedBuffer heldBody;

    HeldResponse(HttpExchange client) {
        this.client = client;
    }

    void sendResponseHeaders(int status, long length) throws IOException {
        if (status >= 400) {
            heldStatus = status;
            heldBody = new BoundedBuffer();
        } else {
            client.sendResponseHeaders(status, length);
        }
    }

    OutputStream body() {
        return heldBody != null ? heldBody : client.getResponseBody();
    }

    int status() {
        return heldBody != null ? heldStatus : client.getResponseCode();
    }

    Optional<HeldError> error() {
        return heldBody == null ? Optional.empty()
                : Optional.of(new HeldError(heldStatus, heldBody.text()));
    }

    /** Keeps the first bytes written, drops the rest. */
    private static final class BoundedBuffer extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            if (bytes.size() < MAX_HELD_BYTES) {
                bytes.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.write(b, off, Math.min(len, Math.max(0, MAX_HELD_BYTES - bytes.size())));
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
