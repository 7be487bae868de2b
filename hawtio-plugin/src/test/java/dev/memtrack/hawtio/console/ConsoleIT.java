package dev.memtrack.hawtio.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The console jar as users run it: real process, real HTTP. */
class ConsoleIT {

    private static final Duration START = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void refusesToRunWithoutAuthenticationOnANonLoopbackAddress() throws Exception {
        try (ConsoleProcess console = ConsoleProcess.start("--server.address=0.0.0.0",
                "--server.port=" + ConsoleProcess.freePort())) {
            assertThat(console.awaitExit(START)).isNotZero();
            assertThat(console.output())
                    .contains("The console would listen on '0.0.0.0', which is not a loopback address, with authentication off")
                    .contains("Keep the default --server.address=127.0.0.1")
                    .doesNotContain("memtrack console: open")
                    .doesNotContainPattern("\\n\\s+at [a-z]");
        }
    }

    @Test
    void explainsABadConnectOptionAndStops() throws Exception {
        try (ConsoleProcess console = ConsoleProcess.start("--memtrack.connect=ftp://127.0.0.1:21/",
                "--server.port=" + ConsoleProcess.freePort())) {
            assertThat(console.awaitExit(START)).isNotZero();
            assertThat(console.output())
                    .contains("Invalid --memtrack.connect value 'ftp://127.0.0.1:21/': the scheme must be http or https.")
                    .doesNotContainPattern("\\n\\s+at [a-z]");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Running {

        private ConsoleProcess console;
        private String url;
        private int port;

        @BeforeAll
        void start() throws Exception {
            port = ConsoleProcess.freePort();
            console = ConsoleProcess.start("--server.port=" + port,
                    "--memtrack.connect=demo=http://127.0.0.1:8778/jolokia/",
                    "--memtrack.connect=http://localhost:8779/jolokia");
            url = console.awaitReady(START);
        }

        @AfterAll
        void stop() throws InterruptedException {
            console.close();
        }

        @Test
        void printsOneLineWithItsLoopbackAddressAndTheJvms() {
            assertThat(url).isEqualTo("http://127.0.0.1:" + port + "/");
            assertThat(console.output().lines().filter(l -> l.contains("memtrack console: open")))
                    .containsExactly("memtrack console: open http://127.0.0.1:" + port + "/  (JVMs: demo "
                            + "http://127.0.0.1:8778/jolokia/, localhost:8779 http://localhost:8779/jolokia/)");
        }

        @Test
        void listsTheMemtrackPluginForTheConsoleToLoad() throws Exception {
            JsonNode plugins = json(get("actuator/hawtio/plugin").body());

            assertThat(plugins).hasSize(1);
            JsonNode plugin = plugins.get(0);
            assertThat(plugin.get("scope").asText()).isEqualTo("memtrack");
            assertThat(plugin.get("module").asText()).isEqualTo("./plugin");
            assertThat(plugin.get("url").asText()).isEqualTo("/memtrack-plugin");
            assertThat(plugin.get("remoteEntryFileName").asText()).isEqualTo("remoteEntry.js");
            assertThat(plugin.get("pluginEntry").asText()).isEqualTo("plugin");
        }

        @Test
        void servesThePluginFiles() throws Exception {
            HttpResponse<String> entry = get("memtrack-plugin/remoteEntry.js");

            assertThat(entry.statusCode()).isEqualTo(200);
            assertThat(entry.headers().firstValue("Content-Type")).get().asString().contains("javascript");
            assertThat(entry.body()).contains("memtrack").contains("./plugin");
        }

        @Test
        void givesTheLandingPageTheJvmsInCommandLineOrder() throws Exception {
            JsonNode jvms = json(get("memtrack-console/connections").body());

            assertThat(jvms).hasSize(2);
            assertThat(jvms.get(0).toString())
                    .isEqualTo("{\"name\":\"demo\",\"scheme\":\"http\",\"host\":\"127.0.0.1\",\"port\":8778,\"path\":\"/jolokia\"}");
            assertThat(jvms.get(1).get("name").asText()).isEqualTo("localhost:8779");
            assertThat(get("").body()).contains("memtrack-console.js");
        }

        @Test
        void refusesRequestsAddressedToAnotherHost() throws Exception {
            String response = rawGet("/memtrack-console/connections", "rebound.example:" + port);

            assertThat(response).startsWith("HTTP/1.1 403").contains("not 'rebound.example:" + port + "'");
        }

        @Test
        void refusesRequestsFromAForeignPage() throws Exception {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "actuator/hawtio/proxy/http/127.0.0.1/8778/jolokia/"))
                    .header("Origin", "http://attacker.example")
                    .header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"version\"}")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("'http://attacker.example' may not use this console");
        }

        @Test
        void proxiesOnlyToTheHostsItWasGiven() throws Exception {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "actuator/hawtio/proxy/http/10.255.255.1/8778/jolokia/"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"version\"}")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("Hawtio-Forbidden-Reason")).contains("HOST_NOT_ALLOWED");
        }

        @Test
        void listensOnLoopbackOnly() throws Exception {
            Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                    .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                    .findFirst();
            assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address to try");

            try (Socket socket = new Socket()) {
                org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> socket.connect(new InetSocketAddress(external.get(), port), 2000))
                        .isInstanceOf(IOException.class);
            }
        }

        private HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** HttpClient will not send a Host header of our choosing; a socket will. */
        private String rawGet(String path, String host) throws IOException {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    private static JsonNode json(String body) throws IOException {
        return new ObjectMapper().readTree(body);
    }
}
