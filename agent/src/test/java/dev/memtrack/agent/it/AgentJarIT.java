package dev.memtrack.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.agent.testing.AgentJar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The layout of the built memtrack-agent.jar: what the isolation and the JVM's agent loading rely on. */
class AgentJarIT {

    @Test
    void manifestDeclaresEveryEntryPoint() throws IOException {
        try (JarFile jar = new JarFile(AgentJar.path().toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            String launcher = "dev.memtrack.agent.launcher.MemtrackAgent";
            assertThat(main.getValue("Premain-Class")).isEqualTo(launcher);
            assertThat(main.getValue("Agent-Class")).isEqualTo(launcher);
            assertThat(main.getValue("Main-Class")).isEqualTo(launcher);
            assertThat(main.getValue("Can-Retransform-Classes")).isEqualTo("true");
            assertThat(main.getValue("Can-Redefine-Classes")).isEqualTo("true");
            assertThat(main.getValue("Implementation-Version")).isNotBlank();
        }
    }

    @Test
    void onlyTheLauncherIsVisibleEverythingElseIsClassdataUnderThePrefix() throws IOException {
        try (JarFile jar = new JarFile(AgentJar.path().toFile())) {
            List<String> names = Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();

            assertThat(names).filteredOn(n -> n.endsWith(".class"))
                    .allSatisfy(n -> assertThat(n).startsWith("dev/memtrack/agent/launcher/"))
                    .isNotEmpty();
            assertThat(names).filteredOn(n -> !n.startsWith("memtrack-inst/"))
                    .allSatisfy(n -> assertThat(n).matches("META-INF/(MANIFEST\\.MF)?|dev/(memtrack/(agent/(launcher/.*)?)?)?"));
            assertThat(names).contains("memtrack-inst/dev/memtrack/agent/core/AgentEntry.classdata",
                    "memtrack-inst/org/jolokia/jvmagent/JolokiaServer.classdata",
                    "memtrack-inst/com/sun/jna/Native.classdata",
                    "memtrack-inst/com/sun/jna/linux-x86-64/libjnidispatch.so",
                    "memtrack-inst/oshi/SystemInfo.classdata",
                    "memtrack-inst/org/HdrHistogram/Histogram.classdata",
                    "memtrack-inst/net/bytebuddy/ByteBuddy.classdata",
                    "memtrack-inst/dev/memtrack/agent/jolokia/jolokia-access.xml",
                    // Directory entries: the isolated loader probes them for multi-release classes.
                    "memtrack-inst/META-INF/versions/24/");
            assertThat(names).noneMatch(n -> n.contains("jsr160"));
            assertThat(names).noneMatch(n -> n.endsWith("module-info.classdata"));
        }
    }

    @Test
    void serviceFilesOfAllLibrariesAreMerged() throws IOException {
        try (JarFile jar = new JarFile(AgentJar.path().toFile())) {
            String services = read(jar, "memtrack-inst/META-INF/jolokia/services-default");
            assertThat(services).contains("org.jolokia.service.serializer.JolokiaSerializer")
                    .contains("org.jolokia.service.notif.pull.PullNotificationBackend")
                    .contains("org.jolokia.service.jmx.LocalRequestHandler");
            assertThat(read(jar, "memtrack-inst/META-INF/services/org.slf4j.spi.SLF4JServiceProvider"))
                    .contains("org.slf4j.nop.NOPServiceProvider");
        }
    }

    private static String read(JarFile jar, String entry) throws IOException {
        JarEntry e = jar.getJarEntry(entry);
        assertThat(e).as(entry).isNotNull();
        try (InputStream in = jar.getInputStream(e)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
