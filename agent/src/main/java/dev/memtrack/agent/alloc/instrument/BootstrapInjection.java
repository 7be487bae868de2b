package dev.memtrack.agent.alloc.instrument;

import dev.memtrack.agent.alloc.jdk.InternalUnsafe;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

/**
 * Makes the hooks of {@code dev.memtrack.agent.bootstrap} visible to every class loader by defining
 * them in the bootstrap class loader, from the class files of the tracker's own loader.
 *
 * <p>They are defined directly ({@link InternalUnsafe#defineBootstrapClass}): the bootstrap class
 * path stays as it was, so class data sharing keeps serving the classes of the platform and
 * application loaders (appending a jar to the bootstrap class path turns that off, and the JVM says
 * so on the console). Only if that fails are they appended as a small temporary jar, and the reason
 * is reported. Idempotent: when the bootstrap loader already has them (a second start in the same
 * JVM) nothing happens.
 *
 * <p>Must run before any class that refers to the bootstrap package is linked through the
 * tracker's loader, or that loader would bind those names to its own copies. This class refers to
 * them by name only.
 */
public final class BootstrapInjection {

    static final String PACKAGE = "dev.memtrack.agent.bootstrap";
    /** Every class of the bootstrap package, in an order in which each can be defined (the sink first). */
    static final List<String> CLASSES = List.of(PACKAGE + ".AllocationSink", PACKAGE + ".AllocationHooks");

    /** How the hooks reached the bootstrap loader. */
    public enum Outcome {
        /** They were there already. */
        ALREADY_PRESENT,
        /** Defined directly; the bootstrap class path is unchanged. */
        DEFINED,
        /** Appended as a temporary jar to the bootstrap class path (the fallback). */
        APPENDED_JAR
    }

    private BootstrapInjection() {
    }

    /**
     * @param warn told why, when the fallback had to be used
     * @throws IllegalStateException if the hooks cannot be put into the bootstrap loader at all
     */
    public static synchronized Outcome ensureInjected(Instrumentation inst, ClassLoader own, Consumer<String> warn) {
        if (visibleToBootstrap()) {
            return Outcome.ALREADY_PRESENT;
        }
        String reason;
        try {
            InternalUnsafe unsafe = InternalUnsafe.open(inst);
            for (String name : CLASSES) {
                if (!definedByBootstrap(name)) {
                    unsafe.defineBootstrapClass(name, classFile(own, name));
                }
            }
            if (visibleToBootstrap()) {
                return Outcome.DEFINED;
            }
            reason = "the bootstrap loader does not find the classes it was given";
        } catch (ReflectiveOperationException | IOException | RuntimeException | LinkageError e) {
            reason = e.toString();
        }
        warn.accept("the allocation hooks could not be defined in the bootstrap class loader (" + reason
                + "); appending them to the bootstrap class path instead, which turns class data sharing off "
                + "for the classes of the other loaders from now on");
        appendJar(inst, own);
        return Outcome.APPENDED_JAR;
    }

    private static void appendJar(Instrumentation inst, ClassLoader own) {
        try {
            Path jar = Files.createTempFile("memtrack-bootstrap-", ".jar");
            jar.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
                for (String name : CLASSES) {
                    zip.putNextEntry(new ZipEntry(resource(name)));
                    zip.write(classFile(own, name));
                    zip.closeEntry();
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

    private static byte[] classFile(ClassLoader own, String name) throws IOException {
        try (InputStream in = own.getResourceAsStream(resource(name))) {
            if (in == null) {
                throw new IOException("The agent's class loader has no " + resource(name));
            }
            return in.readAllBytes();
        }
    }

    private static String resource(String className) {
        return className.replace('.', '/') + ".class";
    }

    /** Whether the bootstrap class loader defines the hooks. */
    public static boolean visibleToBootstrap() {
        for (String name : CLASSES) {
            if (!definedByBootstrap(name)) {
                return false;
            }
        }
        return true;
    }

    private static boolean definedByBootstrap(String name) {
        try {
            return Class.forName(name, false, null).getClassLoader() == null;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
