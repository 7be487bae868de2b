package dev.memtrack.agent.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memtrack.agent.alloc.TestAgent;
import dev.memtrack.agent.bootstrap.AllocationHooks;
import dev.memtrack.agent.bootstrap.AllocationSink;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsolatedClassLoaderTest {

    private static final String FIXTURE = IsolationFixture.class.getName();
    private static byte[] fixtureBytes;
    private static Path jar;

    @BeforeAll
    static void packAgentJar(@TempDir Path dir) throws IOException {
        try (InputStream in = IsolationFixture.class.getResourceAsStream("IsolationFixture.class")) {
            fixtureBytes = in.readAllBytes();
        }
        jar = dir.resolve("agent.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "memtrack-inst/" + FIXTURE.replace('.', '/') + ".classdata", fixtureBytes);
            put(out, "memtrack-inst/dev/memtrack/agent/bootstrap/Hook.classdata", fixtureBytes);
            put(out, "memtrack-inst/META-INF/services/java.util.function.Supplier", (FIXTURE + "\n").getBytes(StandardCharsets.UTF_8));
            put(out, "memtrack-inst/note.txt", "base".getBytes(StandardCharsets.UTF_8));
            // Directory entries, as the build's jar task writes them: the loader probes them per version.
            put(out, "memtrack-inst/META-INF/versions/9/", new byte[0]);
            put(out, "memtrack-inst/META-INF/versions/9/note.txt", "nine".getBytes(StandardCharsets.UTF_8));
            put(out, "memtrack-inst/META-INF/versions/9999/", new byte[0]);
            put(out, "memtrack-inst/META-INF/versions/9999/note.txt", "future".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    private static IsolatedClassLoader loader() throws IOException {
        return new IsolatedClassLoader(jar, ClassLoader.getPlatformClassLoader());
    }

    @Test
    void definesClassesFromClassdataEntriesWithTheJarAsCodeSource() throws Exception {
        Class<?> fixture = Class.forName(FIXTURE, true, loader());

        assertThat(fixture.getClassLoader()).isInstanceOf(IsolatedClassLoader.class);
        assertThat(fixture).isNotSameAs(IsolationFixture.class);
        assertThat(fixture.getProtectionDomain().getCodeSource().getLocation()).isEqualTo(jar.toUri().toURL());
        assertThat(fixture.getPackage().getName()).isEqualTo("dev.memtrack.agent.launcher");
    }

    @Test
    void classesOutsideThePrefixAreNotFoundAndJdkClassesComeFromTheParent() throws Exception {
        IsolatedClassLoader loader = loader();

        assertThatThrownBy(() -> loader.loadClass(IsolatedClassLoaderTest.class.getName()))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(loader.loadClass("java.net.http.HttpClient").getClassLoader())
                .isSameAs(ClassLoader.getPlatformClassLoader());
    }

    @Test
    void bootstrapHooksAreNeverDefinedButTheirBytesAreReadable() throws Exception {
        IsolatedClassLoader loader = loader();

        assertThatThrownBy(() -> loader.loadClass("dev.memtrack.agent.bootstrap.Hook"))
                .isInstanceOf(ClassNotFoundException.class)
                .hasMessageContaining("bootstrap class loader");
        try (InputStream in = loader.getResourceAsStream("dev/memtrack/agent/bootstrap/Hook.class")) {
            assertThat(in.readAllBytes()).isEqualTo(fixtureBytes);
        }
    }

    @Test
    void bootstrapHooksOnceInjectedAreTheBootstrapLoadersOwn() throws Exception {
        // The allocation tracker's injection has run in this JVM (as it does before the agent loads its engine).
        TestAgent.instrumentation();
        IsolatedClassLoader loader = loader();

        for (Class<?> hook : List.of(AllocationHooks.class, AllocationSink.class)) {
            assertThat(hook.getClassLoader()).as("defined by the bootstrap loader").isNull();
            assertThat(loader.loadClass(hook.getName())).as(hook.getName()).isSameAs(hook);
        }
    }

    @Test
    void resourcesAndServicesAreServedFromThePrefix() throws Exception {
        IsolatedClassLoader loader = loader();

        List<URL> services = Collections.list(loader.getResources("META-INF/services/java.util.function.Supplier"));
        assertThat(services).hasSize(1);
        @SuppressWarnings("rawtypes")
        List<Supplier> found = ServiceLoader.load(Supplier.class, loader).stream().map(ServiceLoader.Provider::get)
                .toList();
        assertThat(found).singleElement().satisfies(s -> assertThat(s.get()).isEqualTo("loaded by memtrack"));
        assertThat(loader.getResource("memtrack-inst/note.txt")).isNull();
    }

    @Test
    void multiReleaseEntriesForThisRuntimeWinOverTheBase() throws Exception {
        try (InputStream in = loader().getResourceAsStream("note.txt")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("nine");
        }
    }
}
