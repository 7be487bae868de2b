package dev.memtrack.agent.alloc.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

/**
 * Makes the hooks of {@code dev.memtrack.agent.bootstrap} visible to every class loader by
 * appending them to the bootstrap class path, as a small jar written from the class files of the
 * tracker's own loader. Idempotent: when the bootstrap loader already has them (a second start in
 * the same JVM) nothing is appended.
 *
 * <p>Must run before any class that refers to the bootstrap package is linked through the
 * tracker's loader, or that loader would bind those names to its own copies. This class refers to
 * them by name only.
 */
public final class BootstrapInjection {

    static final String PACKAGE = "dev.memtrack.agent.bootstrap";
    /** Every class of the bootstrap package. */
    static final List<String> CLASSES = List.of(PACKAGE + ".AllocationSink", PACKAGE + ".AllocationHooks");

    private BootstrapInjection() {
    }

    /** @throws IllegalStateException if the hooks cannot be put on the bootstrap class path */
    public static void ensureInjected(Instrumentation inst, ClassLoader own) {
        if (visibleToBootstrap()) {
            return;
        }
        try {
            Path jar = Files.createTempFile("memtrack-bootstrap-", ".jar");
            jar.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
                for (String name : CLASSES) {
                    String resource = name.replace('.', '/') + ".class";
                    try (InputStream in = own.getResourceAsStream(resource)) {
                        if (in == null) {
                            throw new IllegalStateException("The agent's class loader has no " + resource);
                        }
                        zip.putNextEntry(new ZipEntry(resource));
                        in.transferTo(zip);
                        zip.closeEntry();
                    }
                }
            }
            inst.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the allocation hooks to a temporary jar: " + e.getMessage(), e);
        }
        if (!visibleToBootstrap()) {
            throw new IllegalStateException("The allocation hooks were appended to the bootstrap class path "
                    + "but the bootstrap loader does not find them");
        }
    }

    /** Whether the bootstrap class loader defines the hooks. */
    public static boolean visibleToBootstrap() {
        try {
            for (String name : CLASSES) {
                if (Class.forName(name, false, null).getClassLoader() != null) {
                    return false;
                }
            }
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
