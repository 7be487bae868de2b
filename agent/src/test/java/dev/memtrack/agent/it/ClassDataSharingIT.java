package dev.memtrack.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.agent.testing.ChildJvm;
import dev.memtrack.agent.testing.apps.SharedClassesApp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/**
 * memtrack keeps class data sharing on for the classes of the application and platform loaders:
 * the allocation hooks are defined in the bootstrap loader without appending to the bootstrap class
 * path (which would make the JVM print "Sharing is only supported for boot loader classes because
 * bootstrap classpath has been appended" and load those classes from their jars again).
 */
class ClassDataSharingIT {

    @Test
    void classesOfEveryLoaderStillComeFromTheArchive() throws IOException {
        Path work = ChildJvm.workDir().resolve("class-data-sharing");
        Files.createDirectories(work);
        Path jar = appJar(work.resolve("shared-classes-app.jar"));
        Path classList = work.resolve("app.classlist");
        Path archive = work.resolve("app.jsa");
        Files.deleteIfExists(classList);
        Files.deleteIfExists(archive);
        try (ChildJvm list = ChildJvm.withoutAgent().name("cds-classlist")
                .jvmArgs("-XX:DumpLoadedClassList=" + classList).jar(jar).start()) {
            assertThat(list.awaitExit(ChildJvm.TIMEOUT)).as(list.stderr()).isZero();
        }
        try (ChildJvm dump = ChildJvm.withoutAgent().name("cds-dump")
                .jvmArgs("-Xshare:dump", "-XX:SharedClassListFile=" + classList, "-XX:SharedArchiveFile=" + archive)
                .jar(jar).start()) {
            assertThat(dump.awaitExit(ChildJvm.TIMEOUT)).as(dump.stdout() + dump.stderr()).isZero();
        }
        assertThat(archive).isRegularFile();

        try (ChildJvm app = ChildJvm.withAgent("jolokia=false").name("cds-app")
                .jvmArgs("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:class+load=info:stdout")
                .jar(jar, "await").start()) {
            assertThat(app.awaitExit(ChildJvm.TIMEOUT)).as(app.stderr()).isZero();
            assertThat(app.awaitReady().jolokiaOff()).isTrue();
            assertThat(app.stderr()).doesNotContain("Sharing is only supported").doesNotContain("WARNING");
            // The main class loaded right after premain, java.sql.Date (platform loader) after memtrack was ready.
            assertThat(app.stdout()).contains(SharedClassesApp.class.getName() + " source: shared objects file")
                    .contains("java.sql.Date source: shared objects file")
                    .contains("loaded java.sql.Date by platform");
        }
    }

    /** A jar with the app alone: class data sharing archives classes from jars, not from directories. */
    private static Path appJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, SharedClassesApp.class.getName());
        String entry = SharedClassesApp.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream in = SharedClassesApp.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
