package dev.memtrack.agent.jolokia;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.memtrack.agent.log.AgentLog;
import dev.memtrack.agent.log.JsonWriter;
import dev.memtrack.agent.testing.CleanErrors;
import dev.memtrack.agent.testing.JolokiaClient;
import dev.memtrack.agent.testing.SelfSignedCertificate;
import dev.memtrack.mbeans.DescribedMBean;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.jolokia.jvmagent.JolokiaServer;
import org.jolokia.jvmagent.JolokiaServerConfig;
import org.jolokia.server.core.config.SystemPropertyMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RequestScreen} in front of a real Jolokia 2.6 on a real JDK HTTP server, in this JVM, with
 * memtrack's default access policy and a memtrack MBean in the platform MBean server: an exec with too
 * many arguments is refused before Jolokia runs any of the request; reads and bulk requests without an
 * exec reach Jolokia; a value Jolokia cannot convert is still explained, over https too.
 */
class RequestScreenTest {

    static final String MBEAN = "memtrack:type=ScreenTest";
    private static final String CONTEXT = "/jolokia";

    public interface ScreenedMXBean {
        int getLimit();

        void setLimit(int limit);

        int getCalls();

        String getLastNote();

        void add(int amount, String note);
    }

    /** Counts the calls of {@code add}: what Jolokia ran. */
    public static final class Screened implements ScreenedMXBean {
        private final AtomicInteger calls = new AtomicInteger();
        private volatile int limit;
        private volatile String lastNote;

        @Override
        public int getLimit() {
            return limit;
        }

        @Override
        public void setLimit(int limit) {
            this.limit = limit;
        }

        @Override
        public int getCalls() {
            return calls.get();
        }

        @Override
        public String getLastNote() {
            return lastNote;
        }

        @Override
        public void add(int amount, String note) {
            lastNote = note;
            calls.incrementAndGet();
        }
    }

    private static final MBeanServer PLATFORM = ManagementFactory.getPlatformMBeanServer();
    private static final Screened BEAN = new Screened();
    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    private static Endpoint http;
    private static JolokiaClient jolokia;

    /** Jolokia behind memtrack's filters, as {@link JolokiaSubsystem} puts them together. */
    private record Endpoint(HttpServer server, JolokiaServer jolokia, URI uri) implements AutoCloseable {

        static Endpoint start(HttpServer server) throws Exception {
            ConversionExplainer explainer = new ConversionExplainer(PLATFORM);
            HttpServer guarded = new GuardedHttpServer(server, List.of(
                    new RequestScreen(explainer, new ArgumentCountCheck(PLATFORM), CONTEXT)));
            int port = server.getAddress().getPort();
            JolokiaServerConfig config = new JolokiaServerConfig(Map.of("host", "127.0.0.1",
                    "port", Integer.toString(port), "agentContext", CONTEXT, "policyLocation",
                    JolokiaSettings.class.getResource(JolokiaSettings.DEFAULT_POLICY).toString(),
                    "discoveryEnabled", "false", "disableDetectors", "true", "includeStackTrace", "false",
                    "disabledServices", "org.jolokia.service.jsr160.Jsr160RequestHandler"), SystemPropertyMode.NEVER);
            JolokiaServer jolokia = new JolokiaServer(guarded, config,
                    new JolokiaLogHandler(new AgentLog(new PrintStream(LOG, true, StandardCharsets.UTF_8))));
            jolokia.start();
            server.start();
            String scheme = server instanceof HttpsServer ? "https" : "http";
            return new Endpoint(server, jolokia, URI.create(scheme + "://127.0.0.1:" + port + CONTEXT + "/"));
        }

        @Override
        public void close() {
            jolokia.stop();
            server.stop(0);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        PLATFORM.registerMBean(new DescribedMBean<>(BEAN, ScreenedMXBean.class), new ObjectName(MBEAN));
        http = Endpoint.start(HttpServer.create(loopback(), 0));
        jolokia = new JolokiaClient(http.uri());
    }

    @AfterAll
    static void stop() throws Exception {
        if (http != null) {
            http.close();
        }
        PLATFORM.unregisterMBean(new ObjectName(MBEAN));
    }

    @Test
    void anExecWithOneArgumentTooManyIsRefusedBeforeJolokiaRunsAnyOfTheRequest() {
        int calls = BEAN.getCalls();

        JolokiaClient.Response get = jolokia.send("exec/" + MBEAN + "/add/1/x/surplus", "GET", null, Map.of());
        assertThat(CleanErrors.assertError(get, 400, 400)).isEqualTo("operation add of " + MBEAN
                + " takes 2 arguments, got 3; the first one too many is \"surplus\"");
        String bulk = JsonWriter.write(List.of(Map.of("type", "exec", "mbean", MBEAN, "operation", "add",
                "arguments", List.of(1, "x")), Map.of("type", "exec", "mbean", MBEAN, "operation", "add",
                "arguments", List.of(1, "x", "y"))));
        assertThat(CleanErrors.assertError(jolokia.send("", "POST", bulk, Map.of()), 400, 400)).isEqualTo(
                "request 2 of the bulk request: operation add of " + MBEAN + " takes 2 arguments, got 3; the first "
                        + "one too many is \"y\"");

        assertThat(BEAN.getCalls()).as("not even the bulk request's valid first exec ran").isEqualTo(calls);
        assertThat(jolokia.exec(MBEAN, "add", 1, "x").status()).as("the control: a valid exec runs").isEqualTo(200);
        assertThat(BEAN.getCalls()).isEqualTo(calls + 1);
    }

    @Test
    void anExecInThePQueryParameterIsCheckedAsOneByItsPath() {
        int calls = BEAN.getCalls();
        String exec = "/exec/" + MBEAN + "/add/1/x/surplus";
        String byPath = CleanErrors.assertError(get("exec/" + MBEAN + "/add/1/x/surplus"), 400, 400);

        for (String form : List.of("?p=" + exec, "?p=" + URLEncoder.encode(exec, StandardCharsets.UTF_8),
                "?maxDepth=3&p=" + exec.substring(1), "../jolokia?p=" + exec)) {
            assertThat(CleanErrors.assertError(get(form), 400, 400)).as(form).isEqualTo(byPath);
        }
        assertThat(CleanErrors.assertError(get("?p=/exec/" + MBEAN + "/add/ten/x"), 400, 400))
                .as("a value Jolokia cannot convert").isEqualTo(conversionOfAdd());
        assertThat(BEAN.getCalls()).as("none ran").isEqualTo(calls);

        assertThat(get("?p=/exec/" + MBEAN + "/add/1/x").status()).as("the control: a valid exec runs").isEqualTo(200);
        assertThat(BEAN.getCalls()).isEqualTo(calls + 1);
        JolokiaClient.Response read = get("read/" + MBEAN + "/Calls?p=/exec/" + MBEAN + "/add/1/x/surplus");
        assertThat(((Number) read.value()).intValue()).as("a path before the p parameter is what Jolokia reads: %s",
                read.body()).isEqualTo(calls + 1);
    }

    @Test
    void anEscapedSlashBeforeASlashIsReadAsJolokiaReadsItWithTheQuery() {
        int calls = BEAN.getCalls();

        // Jolokia 2.6 then takes the arguments from the URI as sent, query included: "x?a" and "b/" here.
        assertThat(CleanErrors.assertError(get("exec/" + MBEAN + "/add/1/x?a/b!//"), 400, 400)).isEqualTo(
                "operation add of " + MBEAN + " takes 2 arguments, got 3; the first one too many is \"b/\"");
        assertThat(BEAN.getCalls()).isEqualTo(calls);

        JolokiaClient.Response two = get("exec/" + MBEAN + "/add/1/x?!//");
        assertThat(two.status()).as("the control: two arguments as Jolokia reads them: %s", two.body()).isEqualTo(200);
        assertThat(BEAN.getCalls()).isEqualTo(calls + 1);
        assertThat(BEAN.getLastNote()).isEqualTo("x?/");
    }

    @Test
    void aControlCharacterAnywhereInTheUriIsRefusedAsInThePath() {
        int calls = BEAN.getCalls();
        String inThePath = CleanErrors.assertError(get("exec/" + MBEAN + "/add/1/a%0Bb"), 400, 400);
        assertThat(inThePath).startsWith("the value \"a\\u000bb\" contains the control character U+000B");

        for (String form : List.of("?p=/exec/" + MBEAN + "/add/1/a%0Bb", "?p=/exec/" + MBEAN + "/add/1/a%250Bb",
                "exec/" + MBEAN + "/add/1/x?note=a%0Bb")) {
            assertThat(CleanErrors.assertError(get(form), 400, 400)).as(form).isEqualTo(inThePath);
        }
        String valid = JsonWriter.write(Map.of("type", "exec", "mbean", MBEAN, "operation", "add", "arguments",
                List.of(1, "x")));
        assertThat(CleanErrors.assertError(jolokia.send("?maxDepth=a%0Bb", "POST", valid, Map.of()), 400, 400))
                .as("the query of a POST").isEqualTo(inThePath);
        assertThat(BEAN.getCalls()).isEqualTo(calls);
    }

    @Test
    void aQueryJolokiaCannotDecodeIsRefusedWithWhatItAccepts() {
        String refusal = "the query cannot be decoded at \"%\": Jolokia decodes query parameters twice (as part of "
                + "the URL, then as form data), so a % in a value is sent as %2525";

        assertThat(CleanErrors.assertError(get("?p=/exec/" + MBEAN + "/add/1/100%25"), 400, 400)).isEqualTo(refusal);
        assertThat(CleanErrors.assertError(jolokia.send("?maxDepth=100%25", "POST", "{\"type\":\"version\"}",
                Map.of()), 400, 400)).isEqualTo(refusal);
        assertThat(get("?p=/exec/" + MBEAN + "/add/1/100%2525").status()).as("the control").isEqualTo(200);
        assertThat(BEAN.getLastNote()).isEqualTo("100%");
    }

    @Test
    void onlyGetAndPostCarryRequestsToCheck() {
        String surplus = "exec/" + MBEAN + "/add/1/x/surplus";

        assertThat(jolokia.send(surplus, "OPTIONS", null, Map.of("Access-Control-Request-Method", "GET"))
                .httpStatus()).as("a CORS preflight").isEqualTo(204);
        assertThat(CleanErrors.assertError(jolokia.send(surplus, "PUT", "{}", Map.of()), 400, 400))
                .isEqualTo("HTTP Method PUT is not supported.");
    }

    @Test
    void readsAndBulkRequestsWithoutAnExecReachJolokia() {
        JolokiaClient.Response read = jolokia.send("read/" + MBEAN + "/Calls", "GET", null, Map.of());
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(((Number) read.value()).intValue()).isEqualTo(BEAN.getCalls());

        String bulk = JsonWriter.write(List.of(Map.of("type", "read", "mbean", MBEAN, "attribute", "Calls"),
                Map.of("type", "write", "mbean", MBEAN, "attribute", "Limit", "value", 7), Map.of("type", "version")));
        JolokiaClient.Response answer = jolokia.send("", "POST", bulk, Map.of());
        assertThat(answer.httpStatus()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).startsWith("[").doesNotContain("\"error\"");
        assertThat(BEAN.getLimit()).as("the write ran").isEqualTo(7);
    }

    @Test
    void aValueJolokiaCannotConvertIsStillNamedWithOrWithoutAnExecInTheRequest() {
        String bulk = JsonWriter.write(List.of(Map.of("type", "version"),
                Map.of("type", "write", "mbean", MBEAN, "attribute", "Limit", "value", "ten")));
        assertThat(CleanErrors.assertError(jolokia.send("", "POST", bulk, Map.of()), 400, 400)).isEqualTo(
                "request 2 of the bulk request (the ones before it were executed, the ones after it were not): "
                        + "Cannot write Limit of " + MBEAN + ": the value \"ten\" is not accepted for int: expected an "
                        + "integer from -2147483648 to 2147483647, as a JSON number or a string");

        JolokiaClient.Response get = jolokia.send("exec/" + MBEAN + "/add/ten/x", "GET", null, Map.of());
        assertThat(CleanErrors.assertError(get, 400, 400)).isEqualTo(conversionOfAdd());
    }

    @Test
    void overHttpsAnErrorJolokiaAnswersIsHeldAndAnsweredAsJsonToo(@TempDir Path dir) throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.create(Files.createDirectories(dir.resolve("tls")));
        HttpsServer server = HttpsServer.create(loopback(), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(
                PemTls.context(certificate.certificatePem(), certificate.privateKeyPem())));
        try (Endpoint https = Endpoint.start(server)) {
            JolokiaClient client = new JolokiaClient(https.uri()).withTls(certificate.clientContext());

            assertThat(client.version().status()).isEqualTo(200);
            JolokiaClient.Response get = client.send("exec/" + MBEAN + "/add/ten/x", "GET", null, Map.of());
            assertThat(CleanErrors.assertError(get, 400, 400)).isEqualTo(conversionOfAdd());
        }
    }

    private static JolokiaClient.Response get(String pathAndQuery) {
        return jolokia.send(pathAndQuery, "GET", null, Map.of());
    }

    private static String conversionOfAdd() {
        return "Cannot call add of " + MBEAN + ": argument 1 (amount) \"ten\" is not accepted for int: expected an "
                + "integer from -2147483648 to 2147483647, as a JSON number or a string";
    }

    private static InetSocketAddress loopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }
}
