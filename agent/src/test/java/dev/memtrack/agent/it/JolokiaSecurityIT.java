package dev.memtrack.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.agent.testing.ChildJvm;
import dev.memtrack.agent.testing.JolokiaClient;
import dev.memtrack.agent.testing.JolokiaNotifications;
import dev.memtrack.agent.testing.SelfSignedCertificate;
import dev.memtrack.agent.testing.apps.WorkloadApp;
import dev.memtrack.mbeans.AgentMXBean;
import dev.memtrack.mbeans.ProcessesMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Jolokia's hardened defaults, and authentication, https and a user policy when configured. */
class JolokiaSecurityIT {

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Defaults {

        private ChildJvm app;
        private JolokiaClient jolokia;

        @BeforeAll
        void start() {
            app = ChildJvm.withAgent("jolokia.port=0").main(WorkloadApp.class, "idle").start();
            jolokia = new JolokiaClient(app.awaitReady().jolokiaUri());
        }

        @AfterAll
        void stop() {
            ChildJvm.closeQuietly(app);
        }

        @Test
        void bindsLoopbackOnly() {
            assertThat(jolokia.base().getHost()).isEqualTo("127.0.0.1");
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
        }

        @Test
        void foreignOriginCrossSiteFetchAndNonLoopbackHostAreRefusedBeforeJolokia() {
            JolokiaClient.Response origin = jolokia.send("version", "GET", null, Map.of("Origin", "http://evil.example"));
            assertThat(origin.httpStatus()).isEqualTo(403);
            assertThat(origin.body()).isEqualTo("403 Forbidden: Origin 'http://evil.example' is neither a loopback "
                    + "origin nor this endpoint\n");
            assertThat(jolokia.send("version", "GET", null, Map.of("Sec-Fetch-Site", "cross-site")).httpStatus())
                    .isEqualTo(403);
            JolokiaClient.Response host = jolokia.rawGet("version", Map.of("Host", "evil.example:8778"));
            assertThat(host.httpStatus()).isEqualTo(403);
            assertThat(host.body()).startsWith("403 Forbidden: Host 'evil.example:8778' is not a loopback name");
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

        private void assertForbidden(JolokiaClient.Response response) {
            assertThat(response.status()).as(response.body()).isEqualTo(403);
            assertThat(response.error()).contains("forbidden");
        }
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
            assertThat(none.httpStatus()).isEqualTo(401);
            assertThat(none.body()).startsWith("401 Unauthorized");
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
