package dev.memtrack.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memtrack.agent.log.JsonWriter;
import dev.memtrack.agent.testing.AgentSubsystems;
import dev.memtrack.agent.testing.ChildJvm;
import dev.memtrack.agent.testing.CleanErrors;
import dev.memtrack.agent.testing.JolokiaClient;
import dev.memtrack.agent.testing.Heartbeat;
import dev.memtrack.agent.testing.JolokiaNotifications;
import dev.memtrack.agent.testing.OutboundListener;
import dev.memtrack.agent.testing.SelfSignedCertificate;
import dev.memtrack.agent.testing.apps.HeartbeatApp;
import dev.memtrack.agent.testing.apps.LoggingBeansApp;
import dev.memtrack.agent.testing.apps.WorkloadApp;
import dev.memtrack.mbeans.AgentMXBean;
import dev.memtrack.mbeans.HeapMXBean;
import dev.memtrack.mbeans.PagingSimulatorMXBean;
import dev.memtrack.mbeans.PolicyMXBean;
import dev.memtrack.mbeans.ProcessesMXBean;
import dev.memtrack.mbeans.SubsystemStatus;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Jolokia's hardened defaults, and authentication, https and a user policy when configured. */
class JolokiaSecurityIT {

    private static final String PAGING = PagingSimulatorMXBean.OBJECT_NAME;

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Defaults {

        private ChildJvm app;
        private JolokiaClient jolokia;

        @BeforeAll
        void start() {
            app = ChildJvm.withAgent("jolokia.port=0").main(LoggingBeansApp.class).start();
            jolokia = new JolokiaClient(app.awaitReady().jolokiaUri());
        }

        @AfterAll
        void stop() {
            ChildJvm.closeQuietly(app);
        }

        @Test
        void bindsLoopbackOnly() throws Exception {
            assertThat(jolokia.base().getHost()).isEqualTo("127.0.0.1");
            Optional<InetAddress> external = nonLoopbackAddress();
            if (external.isPresent()) {
                assertThatThrownBy(() -> new Socket(external.get(), jolokia.base().getPort()).close())
                        .as("connecting to %s:%d", external.get(), jolokia.base().getPort())
                        .isInstanceOf(ConnectException.class);
            }
        }

        @Test
        void proxyRequestsAreRefusedAndNeverConnectAnywhere() throws Exception {
            try (OutboundListener listener = new OutboundListener()) {
                int port = listener.port();
                List<String> targets = List.of("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi",
                        "service:jmx:rmi:///jndi/ldap://127.0.0.1:" + port + "/cn=x",
                        "rmi://127.0.0.1:" + port + "/jmxrmi", "ldap://127.0.0.1:" + port + "/x",
                        "service:jmx:jmxmp://127.0.0.1:" + port);
                for (String url : targets) {
                    Map<String, Object> read = new LinkedHashMap<>(Map.of("type", "read", "mbean",
                            "java.lang:type=Memory", "attribute", "HeapMemoryUsage"));
                    read.put("target", Map.of("url", url));
                    assertProxyRefused(jolokia.post(read), url);
                    Map<String, Object> exec = new LinkedHashMap<>(Map.of("type", "exec", "mbean",
                            "java.lang:type=Memory", "operation", "gc"));
                    exec.put("options", Map.of("target", Map.of("url", url, "user", "u", "password", "p")));
                    assertProxyRefused(jolokia.post(exec), url);
                    assertProxyRefused(jolokia.send("", "POST", JsonWriter.write(List.of(Map.of("type", "version"),
                            read)), Map.of()), url);
                }
                assertThat(listener.connectionsAfter(1000)).as("connections to the target's port").isZero();
            }
        }

        private void assertProxyRefused(JolokiaClient.Response r, String url) {
            assertThat(CleanErrors.assertError(r, 403, 403)).isEqualTo("requests with a 'target' ask for a JSR-160 "
                    + "proxy to another JVM (target " + quoted(url) + "); memtrack's Jolokia has "
                    + "no proxy and refuses them: use the other JVM's own endpoint");
            assertThat(r.json()).containsEntry("error_type", "java.lang.SecurityException");
        }

        @Test
        void readingPlatformBeansAndWritingMemtrackBeansIsAllowed() {
            assertThat(jolokia.read("java.lang:type=Memory", "HeapMemoryUsage").status()).isEqualTo(200);
            assertThat(jolokia.post(Map.of("type", "search", "mbean", "memtrack:*")).status()).isEqualTo(200);
            assertThat(jolokia.post(Map.of("type", "list", "path", "memtrack")).status()).isEqualTo(200);
            assertThat(jolokia.write(ProcessesMXBean.OBJECT_NAME, "TopN", 10).status()).isEqualTo(200);
        }

        @Test
        void diagnosticCommandIsDeniedForReadAndExec() {
            assertForbidden(jolokia.read("com.sun.management:type=DiagnosticCommand", "Anything"));
            assertForbidden(jolokia.exec("com.sun.management:type=DiagnosticCommand", "vmVersion"));
            assertForbidden(jolokia.exec("com.sun.management:type=DiagnosticCommand", "jvmtiAgentLoad",
                    (Object) new String[] {"/tmp/evil.so"}));
        }

        @Test
        void heapDumpsAndVmOptionsAreDenied() {
            Path dump = ChildJvm.workDir().resolve("must-not-exist.hprof");
            assertForbidden(jolokia.exec("com.sun.management:type=HotSpotDiagnostic", "dumpHeap", dump.toString(), true));
            assertThat(dump).doesNotExist();
            assertForbidden(jolokia.exec("com.sun.management:type=HotSpotDiagnostic", "setVMOption",
                    "HeapDumpOnOutOfMemoryError", "true"));
            assertForbidden(jolokia.read("com.sun.management:type=HotSpotDiagnostic", "DiagnosticOptions"));
        }

        @Test
        void flightRecorderAndLoggingAreDenied() {
            assertForbidden(jolokia.read("jdk.management.jfr:type=FlightRecorder", "Recordings"));
            assertForbidden(jolokia.exec("jdk.management.jfr:type=FlightRecorder", "newRecording"));
            assertForbidden(jolokia.read("java.util.logging:type=Logging", "LoggerNames"));
            assertForbidden(jolokia.exec("java.util.logging:type=Logging", "setLoggerLevel", "", "OFF"));
        }

        @Test
        void writeAndExecOutsideMemtrackAreDenied() {
            assertForbidden(jolokia.write("java.lang:type=Memory", "Verbose", true));
            assertForbidden(jolokia.exec("java.lang:type=Memory", "gc"));
            assertForbidden(jolokia.write("java.lang:type=Threading", "ThreadCpuTimeEnabled", false));
            assertForbidden(jolokia.exec("java.lang:type=Threading", "dumpAllThreads", false, false));
        }

        @Test
        void logbackAndLog4jConfiguratorsAreDeniedForReadWriteAndExec() {
            for (String name : List.of(LoggingBeansApp.LOGBACK, LoggingBeansApp.LOG4J2)) {
                assertThat(searchOne(name)).as("the application registered %s", name).isNotNull();
                assertForbidden(jolokia.read(name, "Level"));
                assertForbidden(jolokia.write(name, "Level", "OFF"));
                assertForbidden(jolokia.exec(name, "reloadByFileName", "/tmp/evil.xml"));
            }
            assertThat(app.stdout()).as("the application's output").contains("logging-beans-app started")
                    .doesNotContain("logging changed");
        }

        @Test
        void jolokiasOwnMBeansCannotBeReconfiguredOrMadeToLookForAgents() {
            assertForbidden(jolokia.write(searchOne("jolokia:type=Config,*"), "Debug", true));
            assertForbidden(jolokia.exec(searchOne("jolokia:type=Config,*"), "resetDebugInfo"));
            assertForbidden(jolokia.write(searchOne("jolokia:type=History,*"), "HistoryMaxEntries", 100_000));
            assertForbidden(jolokia.exec(searchOne("jolokia:type=History,*"), "resetHistoryEntries"));
            // Discovery would send multicast packets from the application's host.
            assertForbidden(jolokia.exec(searchOne("jolokia:type=Discovery,*"), "lookupAgents"));
            assertThat(jolokia.read(searchOne("jolokia:type=Config,*"), "Debug").value()).isEqualTo(false);
        }

        /** The one MBean a Jolokia search for {@code pattern} finds. */
        private String searchOne(String pattern) {
            JolokiaClient.Response found = jolokia.post(Map.of("type", "search", "mbean", pattern));
            assertThat(found.status()).as(found.body()).isEqualTo(200);
            assertThat((List<?>) found.value()).as("MBeans matching %s", pattern).hasSize(1);
            return String.valueOf(((List<?>) found.value()).get(0));
        }

        /**
         * DNS rebinding: a page of {@code evil.example}, whose name the attacker then points at 127.0.0.1,
         * sends requests with its own name as Host. A name that merely contains a loopback name is no
         * better. The refusal comes before Jolokia: the write does not happen.
         */
        @ParameterizedTest(name = "Host: {0}")
        @ValueSource(strings = {"evil.example", "evil.example:80", "localhost.evil.example", "127.0.0.1.nip.io",
                "localhost@evil.example", "0x7f.0.0.1", "127.1", "[::ffff:7f00:1].evil.example"})
        void aRequestAddressedToAForeignHostNameIsRefusedAndDoesNothing(String host) {
            String withPort = host.endsWith(":80") ? host : host + ":" + jolokia.base().getPort();
            JolokiaClient.Response r = jolokia.rawGet("write/" + ProcessesMXBean.OBJECT_NAME + "/TopN/3",
                    Map.of("Host", withPort));

            assertThat(CleanErrors.assertError(r, 403, 403)).isEqualTo("Host '" + withPort + "' is not a loopback "
                    + "name; this endpoint only answers requests addressed to localhost, 127.0.0.1 or [::1]");
            assertThat(jolokia.read(ProcessesMXBean.OBJECT_NAME, "TopN").value()).isNotEqualTo(3L);
        }

        @ParameterizedTest(name = "Host: {0}")
        @ValueSource(strings = {"localhost", "127.0.0.1", "LOCALHOST", "[::1]", "127.0.0.2"})
        void aRequestAddressedToALoopbackNameIsAnswered(String host) {
            JolokiaClient.Response r = jolokia.rawGet("version", Map.of("Host", host + ":" + jolokia.base().getPort()));

            // The answer is chunked; its JSON is read as text.
            assertThat(r.httpStatus()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).contains("\"status\":200").contains("\"agent\"");
        }

        @ParameterizedTest(name = "Origin: {0}")
        @ValueSource(strings = {"null", "https://evil.example", "http://localhost.evil.example",
                "http://localhost@evil.example", "http://127.0.0.1.nip.io:3000", "file://", "not a url"})
        void aForeignOriginIsRefusedAndItsWriteDoesNotHappen(String origin) {
            JolokiaClient.Response r = jolokia.send("", "POST", JsonWriter.write(Map.of("type", "write", "mbean",
                    ProcessesMXBean.OBJECT_NAME, "attribute", "TopN", "value", 4)), Map.of("Origin", origin));

            assertThat(CleanErrors.assertError(r, 403, 403))
                    .isEqualTo("Origin '" + origin + "' is neither a loopback origin nor this endpoint");
            assertThat(jolokia.read(ProcessesMXBean.OBJECT_NAME, "TopN").value()).isNotEqualTo(4L);
        }

        @Test
        void foreignOriginCrossSiteFetchAndNonLoopbackHostAreRefusedBeforeJolokia() {
            JolokiaClient.Response origin = jolokia.send("version", "GET", null, Map.of("Origin", "http://evil.example"));
            assertThat(CleanErrors.assertError(origin, 403, 403))
                    .isEqualTo("Origin 'http://evil.example' is neither a loopback origin nor this endpoint");
            assertThat(origin.json()).containsEntry("error_type", "java.lang.SecurityException");
            assertThat(CleanErrors.assertError(jolokia.send("version", "GET", null,
                    Map.of("Sec-Fetch-Site", "cross-site")), 403, 403))
                    .isEqualTo("cross-site browser requests are refused (Sec-Fetch-Site: cross-site)");
            JolokiaClient.Response host = jolokia.rawGet("version", Map.of("Host", "evil.example:8778"));
            assertThat(CleanErrors.assertError(host, 403, 403)).isEqualTo("Host 'evil.example:8778' is not a "
                    + "loopback name; this endpoint only answers requests addressed to localhost, 127.0.0.1 or [::1]");
            // Jolokia's /config context (no authenticator of its own) is guarded too.
            assertThat(jolokia.send("config", "POST", "{\"type\":\"version\"}", Map.of("Origin", "http://evil.example"))
                    .httpStatus()).isEqualTo(403);
            assertThat(jolokia.send("version", "GET", null, Map.of("Origin", "http://localhost:3000")).status())
                    .isEqualTo(200);
        }

        @Test
        void notificationsCanBeSubscribedAndPulledOverJolokia() {
            JolokiaNotifications subscription = JolokiaNotifications.subscribe(jolokia, AgentMXBean.OBJECT_NAME);

            assertThat(subscription.store()).startsWith("jolokia:type=NotificationStore,");
            assertThat(subscription.pull()).isNotNull();
        }

        @Test
        void aValueJolokiaCannotConvertIsNamedWithWhatItsParameterAccepts() {
            JolokiaClient.Response post = jolokia.exec(PAGING, "compare", "abc", "1,2");
            assertThat(CleanErrors.assertError(post, 400, 400)).isEqualTo("Cannot call compare of "
                    + "memtrack:name=Paging,type=Simulator: argument 1 (frames) \"abc\" is not accepted for int: "
                    + "expected an integer from -2147483648 to 2147483647, as a JSON number or a string");
            assertThat(post.json()).containsEntry("error_type", "org.jolokia.server.core.request.BadRequestException");
            JolokiaClient.Response get = jolokia.send("exec/" + PAGING + "/compare/abc/1,2", "GET", null, Map.of());
            assertThat(CleanErrors.assertError(get, 400, 400)).isEqualTo(post.error());

            assertThat(CleanErrors.assertError(jolokia.exec(PolicyMXBean.OBJECT_NAME, "setThreshold", "cpu", 5),
                    400, 400)).isEqualTo("Cannot call setThreshold of memtrack:type=Policy: argument 2 (value) 5 is "
                    + "not accepted for double: expected a number: a JSON number with a decimal point or an exponent "
                    + "(5.0, 2.5e3) or a string (\"5\", \"NaN\"); Jolokia does not convert a JSON integer such as 5 "
                    + "to double");
            assertThat(CleanErrors.assertError(jolokia.write(ProcessesMXBean.OBJECT_NAME, "TopN", "ten"), 400, 400))
                    .isEqualTo("Cannot write TopN of memtrack:type=Processes: the value \"ten\" is not accepted for "
                            + "int: expected an integer from -2147483648 to 2147483647, as a JSON number or a string");
            String bulk = JsonWriter.write(List.of(Map.of("type", "version"), Map.of("type", "exec", "mbean", PAGING,
                    "operation", "compare", "arguments", List.of(3, "1,2")), Map.of("type", "exec", "mbean", PAGING,
                    "operation", "compare", "arguments", List.of(Long.MAX_VALUE, "1,2"))));
            assertThat(CleanErrors.assertError(jolokia.send("", "POST", bulk, Map.of()), 400, 400)).isEqualTo(
                    "request 3 of the bulk request (the ones before it were executed, the ones after it were not): "
                    + "Cannot call compare of memtrack:name=Paging,type=Simulator: argument 1 (frames) "
                    + "9223372036854775807 is not accepted for int: expected an integer from -2147483648 to "
                    + "2147483647, as a JSON number or a string");
            assertThat(CleanErrors.assertError(jolokia.exec(PAGING, "compare", "x".repeat(100_000), "1"), 400, 400))
                    .startsWith("Cannot call compare of memtrack:name=Paging,type=Simulator: argument 1 (frames) \""
                            + "x".repeat(40) + "...\" (100000 characters) is not accepted for int");
        }

        /** Every kind of error answer: both status layers, a one-line JSON error, no stack trace. */
        Stream<Arguments> errorsOfEveryKind() {
            String big = "{\"type\":\"version\",\"pad\":\"" + "x".repeat(17 * 1024 * 1024) + "\"}";
            return Stream.of(
                    Arguments.of("unknown MBean", (Request) j -> j.read("memtrack:type=Nope", "X"), 200, 404,
                            "memtrack:type=Nope"),
                    Arguments.of("unknown attribute", (Request) j -> j.read(HeapMXBean.OBJECT_NAME, "Nope"), 200, 404,
                            "No such attribute: Nope"),
                    Arguments.of("unknown operation", (Request) j -> j.exec(PAGING, "nope", 1), 200, 500, "nope"),
                    Arguments.of("refused argument", (Request) j -> j.exec(PAGING, "compare", 0, "1,2"), 200, 500,
                            "frames 0 is not accepted: accepted 1 to 4096"),
                    Arguments.of("missing argument", (Request) j -> j.exec(PAGING, "compare", null, "1,2"), 200, 500,
                            "Argument 1 (frames) of compare is null: expected an int"),
                    Arguments.of("wrong type", (Request) j -> j.exec(PAGING, "compare", List.of(1), "1,2"), 400, 400,
                            "argument 1 (frames) [1] is not accepted for int"),
                    Arguments.of("wrong number of arguments", (Request) j -> j.exec(PAGING, "compare", 1), 400, 400,
                            "Invalid number of operation arguments. Operation compare on "
                                    + "memtrack:type=Simulator,name=Paging requires 2 parameters, not 1 as given"),
                    Arguments.of("one argument too many, by the p parameter", (Request) j -> j.send("?p=/exec/"
                            + PAGING + "/compare/3/1,2/9", "GET", null, Map.of()), 400, 400, "operation compare of "
                            + PAGING + " takes 2 arguments, got 3; the first one too many is \"9\""),
                    Arguments.of("query Jolokia cannot decode", (Request) j -> j.send("?p=/exec/" + PAGING
                            + "/compare/3/100%25", "GET", null, Map.of()), 400, 400,
                            "the query cannot be decoded at \"%\": Jolokia decodes query parameters twice"),
                    Arguments.of("malformed JSON", (Request) j -> j.send("", "POST", "{\"type\":", Map.of()), 400, 400,
                            "the request body is not valid JSON: "),
                    Arguments.of("not a request", (Request) j -> j.send("", "POST", "[1]", Map.of()), 400, 400,
                            "element 1 of the bulk request is 1, not a request object"),
                    Arguments.of("unsupported command", (Request) j -> j.post(Map.of("type", "frobnicate")), 400, 400,
                            "No type with name 'frobnicate' exists"),
                    Arguments.of("malformed ObjectName", (Request) j -> j.read("::", "X"), 400, 400,
                            "Invalid character ':' in key part of property"),
                    Arguments.of("unsupported method", (Request) j -> j.send("version", "PUT", "{}", Map.of()), 400,
                            400, "HTTP Method PUT is not supported."),
                    Arguments.of("too large body", (Request) j -> j.send("", "POST", big, Map.of()), 413, 413,
                            "request body larger than 16777216 bytes (16 MiB) refused"),
                    Arguments.of("denied read", (Request) j -> j.read("com.sun.management:type=HotSpotDiagnostic",
                            "DiagnosticOptions"), 200, 403, "forbidden"),
                    Arguments.of("denied exec", (Request) j -> j.exec("java.lang:type=Memory", "gc"), 200, 403,
                            "forbidden"),
                    Arguments.of("stack trace asked for in the query", (Request) j -> j.send(
                            "exec/" + PAGING + "/compare/0/1?includeStackTrace=true&serializeException=true", "GET",
                            null, Map.of()), 200, 500, "frames 0 is not accepted"),
                    Arguments.of("stack trace asked for in the request", (Request) j -> j.post(Map.of("type", "exec",
                            "mbean", PAGING, "operation", "compare", "arguments", List.of(0, "1"), "config",
                            Map.of("includeStackTrace", "true", "serializeException", "true"))), 200, 500,
                            "frames 0 is not accepted"),
                    Arguments.of("proxy request", (Request) j -> j.post(Map.of("type", "version", "target",
                            Map.of("url", "rmi://127.0.0.1:1/x"))), 403, 403, "memtrack's Jolokia has no proxy"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("errorsOfEveryKind")
        void errorAnswersAreJsonWithBothStatusesAndNeverAStackTrace(String kind, Request request, int httpStatus,
                                                                      int jsonStatus, String message) {
            JolokiaClient.Response r = request.send(jolokia);

            assertThat(CleanErrors.assertError(r, httpStatus, jsonStatus)).contains(message);
            assertThat(r.json().get("error_type")).isInstanceOf(String.class);
        }

        @Test
        void aCorsPreflightFromALoopbackPageIsAnswered() {
            JolokiaClient.Response preflight = jolokia.send("", "OPTIONS", null, Map.of("Origin",
                    "http://localhost:3000", "Access-Control-Request-Method", "POST"));

            assertThat(preflight.httpStatus()).isEqualTo(204);
        }

        private void assertForbidden(JolokiaClient.Response response) {
            assertThat(CleanErrors.assertError(response, 200, 403)).contains("forbidden");
        }
    }

    /** A non-loopback address needs credentials; with them, they are required of every client. */
    @Nested
    class NonLoopbackBind {

        @Test
        void isRefusedWithoutCredentialsAndOnlyJolokiaStaysOff() {
            try (ChildJvm app = ChildJvm.withAgent("jolokia.port=0,jolokia.host=0.0.0.0")
                    .main(HeartbeatApp.class).start()) {
                assertThat(app.awaitReady().jolokiaOff()).isTrue();

                String reason = "failed to start: IllegalArgumentException: refusing to listen on non-loopback "
                        + "address 0.0.0.0 without authentication: set jolokia.user and jolokia.password (and, over "
                        + "a network, jolokia.https.cert and jolokia.https.key), or keep jolokia.host=127.0.0.1";
                assertThat(app.memtrackLines()).contains("[memtrack] warning: jolokia disabled: " + reason
                        + "; the application and the rest of memtrack keep running");
                List<SubsystemStatus> states = AgentSubsystems.of(app);
                AgentSubsystems.assertDisabled(states, "jolokia", reason);
                AgentSubsystems.assertRunning(states, "heap-stats", "system-stats", "processes", "policy");
                Heartbeat.assertContinues(app);
            }
        }

        @Test
        void withCredentialsEveryRequestMustCarryThem() {
            try (ChildJvm app = ChildJvm.withAgent("jolokia.port=0,jolokia.host=0.0.0.0,jolokia.user=ops")
                    .env("MEMTRACK_JOLOKIA_PASSWORD", "s3cret").main(HeartbeatApp.class).start()) {
                ChildJvm.Ready ready = app.awaitReady();
                assertThat(ready.jolokia()).startsWith("http://0.0.0.0:");
                JolokiaClient anonymous = new JolokiaClient(URI.create("http://127.0.0.1:"
                        + ready.jolokiaUri().getPort() + "/jolokia/"));

                assertThat(CleanErrors.assertError(anonymous.version(), 401, 401))
                        .isEqualTo("this endpoint needs a user and password");
                assertThat(anonymous.withCredentials("ops", "s3cret").version().status()).isEqualTo(200);
            }
        }
    }

    /** One request of the error catalogue. */
    @FunctionalInterface
    interface Request {
        JolokiaClient.Response send(JolokiaClient jolokia);
    }

    /** How memtrack quotes a text in a message: as JSON, cut after 40 characters with its length. */
    private static String quoted(String text) {
        return text.length() <= 40 ? "\"" + text + "\"" : "\"" + text.substring(0, 40) + "...\" (" + text.length()
                + " characters)";
    }

    /** An address of this machine other than loopback, if it has one. */
    private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class AuthenticationHttpsAndUserPolicy {

        private ChildJvm app;
        private SelfSignedCertificate certificate;
        private ChildJvm.Ready ready;

        @BeforeAll
        void start() throws Exception {
            Path dir = ChildJvm.workDir().resolve("tls");
            certificate = SelfSignedCertificate.create(dir);
            Path policy = dir.resolve("user-policy.xml");
            Files.writeString(policy, String.join("\n",
                    "<restrict>",
                    "  <commands><command>read</command><command>list</command><command>version</command></commands>",
                    "  <allow><mbean><name>java.lang:type=Memory</name><operation>gc</operation></mbean></allow>",
                    "</restrict>"));
            app = ChildJvm.withAgent(String.join(",", "jolokia.port=0", "jolokia.user=ops",
                            "jolokia.https.cert=" + certificate.certificatePem(),
                            "jolokia.https.key=" + certificate.privateKeyPem(), "jolokia.policy=" + policy))
                    .env("MEMTRACK_JOLOKIA_PASSWORD", "s3cret")
                    .main(WorkloadApp.class, "idle").start();
            ready = app.awaitReady();
        }

        @AfterAll
        void stop() {
            ChildJvm.closeQuietly(app);
        }

        private JolokiaClient anonymous() throws Exception {
            return new JolokiaClient(ready.jolokiaUri()).withTls(certificate.clientContext());
        }

        @Test
        void servesHttpsAndNeverPrintsThePassword() {
            assertThat(ready.jolokia()).startsWith("https://127.0.0.1:");
            assertThat(app.stderr()).doesNotContain("s3cret").contains("jolokia.password=****** (environment)");
        }

        @Test
        void requestsWithoutValidCredentialsGet401() throws Exception {
            JolokiaClient.Response none = anonymous().send("version", "GET", null, Map.of());
            assertThat(CleanErrors.assertError(none, 401, 401)).isEqualTo("this endpoint needs a user and password");
            assertThat(anonymous().withCredentials("ops", "wrong").version().httpStatus()).isEqualTo(401);
            // Jolokia's /config path executes requests too; it must not be a way around authentication.
            assertThat(anonymous().send("config", "POST", "{\"type\":\"read\",\"mbean\":\"java.lang:type=Memory\"}",
                    Map.of()).httpStatus()).isEqualTo(401);
        }

        @Test
        void credentialsOverHttpsWork() throws Exception {
            JolokiaClient.Response version = anonymous().withCredentials("ops", "s3cret").version();
            assertThat(version.status()).as(version.body()).isEqualTo(200);
        }

        @Test
        void theUserPolicyReplacesTheDefaultOne() throws Exception {
            JolokiaClient client = anonymous().withCredentials("ops", "s3cret");
            assertThat(client.exec("java.lang:type=Memory", "gc").status()).isEqualTo(200);
            assertThat(client.write(ProcessesMXBean.OBJECT_NAME, "TopN", 5).status()).isEqualTo(403);
            assertThat(client.read("memtrack:type=Heap", "HeapUsedBytes").status()).isEqualTo(200);
            assertThat(client.post(Map.of("type", "search", "mbean", "memtrack:*")).status()).isEqualTo(403);
        }
    }
}
