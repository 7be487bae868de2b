package dev.memtrack.agent.testing.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One persistent HTTP/1.1 connection that POSTs and reads the answer, blocking, on the calling
 * thread. A load client owns one, as a browser tab or a scraper would: no pool, no helper threads
 * and no transparent retry, so every failure is seen and the client's own overhead stays small.
 *
 * <p>A connection the server closed between two requests is reopened (counted in
 * {@link #reconnects()}); one that fails during a request is an error for that request.
 *
 * <p>Not thread-safe: one per client thread.
 */
public final class KeepAliveConnection implements AutoCloseable {

    /** An answer: the HTTP status and the body as text. */
    public record Answer(int status, String body) {
    }

    private static final int TIMEOUT_MILLIS = 30_000;

    private final URI endpoint;
    private final byte[] headerPrefix;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private int reconnects;
    private boolean serverWillClose;

    public KeepAliveConnection(URI endpoint) {
        this.endpoint = endpoint;
        String path = endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath();
        this.headerPrefix = ("POST " + path + " HTTP/1.1\r\nHost: " + endpoint.getHost() + ":" + endpoint.getPort()
                + "\r\nContent-Type: application/json\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
    }

    /** Times the connection was (re)opened after the first time. */
    public int reconnects() {
        return reconnects;
    }

    /** POSTs {@code body} to the endpoint and reads the whole answer. */
    public Answer post(byte[] body) throws IOException {
        if (socket == null || serverWillClose) {
            open();
        }
        try {
            // One write, so that the request leaves in one segment.
            byte[] length = (body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] request = new byte[headerPrefix.length + length.length + body.length];
            System.arraycopy(headerPrefix, 0, request, 0, headerPrefix.length);
            System.arraycopy(length, 0, request, headerPrefix.length, length.length);
            System.arraycopy(body, 0, request, headerPrefix.length + length.length, body.length);
            out.write(request);
            out.flush();
            return readAnswer();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void open() throws IOException {
        if (socket != null) {
            close();
            reconnects++;
        }
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(TIMEOUT_MILLIS);
        s.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), TIMEOUT_MILLIS);
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 64 * 1024);
        out = s.getOutputStream();
        serverWillClose = false;
    }

    private Answer readAnswer() throws IOException {
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP status line: '" + statusLine + "'");
        }
        int status = Integer.parseInt(parts[1]);
        long length = -1;
        boolean chunked = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> serverWillClose = value.contains("close");
                default -> {
                    // not needed
                }
            }
        }
        byte[] body;
        if (chunked) {
            body = chunkedBody();
        } else if (length >= 0) {
            body = in.readNBytes((int) length);
            if (body.length != length) {
                throw new EOFException("answer ended after " + body.length + " of " + length + " bytes");
            }
        } else {
            body = in.readAllBytes();
            serverWillClose = true;
        }
        return new Answer(status, new String(body, StandardCharsets.UTF_8));
    }

    private byte[] chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line();
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                    // trailers: none expected
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length != size) {
                throw new EOFException("chunk ended after " + chunk.length + " of " + size + " bytes");
            }
            body.write(chunk);
            line();
        }
    }

    /** One line without its CRLF. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed by the server");
            }
            if (b == '\n') {
                int last = line.length() - 1;
                if (last >= 0 && line.charAt(last) == '\r') {
                    line.setLength(last);
                }
                return line.toString();
            }
            line.append((char) b);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
