package dev.memtrack.agent.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The class loader of the agent core and its libraries (Byte Buddy, OSHI, JNA, Jolokia, HdrHistogram,
 * slf4j), kept out of the application's sight.
 *
 * <p>Layout it reads: every entry of the agent jar except the launcher lives under
 * {@value #PREFIX}, and class files there end in {@value #CLASS_SUFFIX} instead of {@code .class}, so
 * neither the application class loader (which has the agent jar on its class path) nor class-path
 * scanners find them. Libraries stay unrelocated: JNA's native library binds {@code com.sun.jna}
 * names and cannot be renamed.
 *
 * <p>Delegation is parent first; the parent is the platform class loader for the agent and the
 * application class loader for the command line (which needs {@code jdk.attach}). Resources are
 * mapped the same way ({@code a/B.class} is served from {@code memtrack-inst/a/B.classdata}), so
 * ServiceLoader, Jolokia's {@code META-INF/jolokia/*} services, JNA's native library and Byte Buddy's
 * class file locators all work. Multi-release entries ({@code META-INF/versions/N/}) are honoured.
 *
 * <p>Classes of {@value #BOOTSTRAP_PACKAGE}* are never defined here: they are allocation hooks that
 * must be visible to every class loader, so the allocation tracker injects them into the bootstrap
 * class loader (their bytes are readable here as resources) and this loader only delegates.
 *
 * <p>Thread-safe (parallel capable); the jar stays open for the life of the JVM. No lambdas here or
 * on the premain path: the first lambda of a JVM costs tens of milliseconds of
 * {@code java.lang.invoke} bootstrap, which the application would wait for.
 */
final class IsolatedClassLoader extends ClassLoader {

    static final String PREFIX = "memtrack-inst/";
    static final String CLASS_SUFFIX = ".classdata";
    static final String BOOTSTRAP_PACKAGE = "dev.memtrack.agent.bootstrap.";
    private static final String VERSIONS = PREFIX + "META-INF/versions/";

    static {
        registerAsParallelCapable();
    }

    private final JarFile jar;
    private final String jarUrl;
    private final ProtectionDomain protectionDomain;
    /** Multi-release roots usable on this runtime, newest first. */
    private final List<String> versionRoots;
    private final String implementationVersion;

    IsolatedClassLoader(Path agentJar, ClassLoader parent) throws IOException {
        super("memtrack", parent);
        this.jar = new JarFile(agentJar.toFile(), false);
        URL location = agentJar.toUri().toURL();
        this.jarUrl = "jar:" + location.toExternalForm() + "!/";
        this.protectionDomain = new ProtectionDomain(new CodeSource(location, (Certificate[]) null), null, this, null);
        this.versionRoots = versionRoots(jar, Runtime.version().feature());
        this.implementationVersion = jar.getManifest() == null ? null
                : jar.getManifest().getMainAttributes().getValue("Implementation-Version");
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (name.startsWith(BOOTSTRAP_PACKAGE)) {
            throw new ClassNotFoundException(name + " belongs to the bootstrap class loader; it is available once "
                    + "the allocation tracker has injected it");
        }
        JarEntry entry = entry(name.replace('.', '/') + CLASS_SUFFIX);
        if (entry == null) {
            throw new ClassNotFoundException(name);
        }
        byte[] bytes;
        try (InputStream in = jar.getInputStream(entry)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name + ": cannot read " + entry.getName() + " from " + jar.getName(), e);
        }
        definePackageOf(name);
        return defineClass(name, bytes, 0, bytes.length, protectionDomain);
    }

    @Override
    protected URL findResource(String name) {
        JarEntry entry = entry(name.endsWith(".class") ? name + "data" : name);
        if (entry == null) {
            return null;
        }
        try {
            return new URL(jarUrl + entry.getName());
        } catch (MalformedURLException e) {
            return null;
        }
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        URL url = findResource(name);
        return url == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(url));
    }

    /** The entry for a path relative to {@value #PREFIX}, preferring the newest usable multi-release copy. */
    private JarEntry entry(String path) {
        for (String root : versionRoots) {
            JarEntry versioned = jar.getJarEntry(root + path);
            if (versioned != null) {
                return versioned;
            }
        }
        return jar.getJarEntry(PREFIX + path);
    }

    private void definePackageOf(String className) {
        int dot = className.lastIndexOf('.');
        if (dot < 0) {
            return;
        }
        String pkg = className.substring(0, dot);
        if (getDefinedPackage(pkg) == null) {
            try {
                definePackage(pkg, null, null, null, null, implementationVersion, null, null);
            } catch (IllegalArgumentException definedConcurrently) {
                // Another thread defined it first: the package exists, which is all we need.
            }
        }
    }

    /** Probes the directory entries {@code META-INF/versions/N/} for N = this runtime's version down to 9. */
    private static List<String> versionRoots(JarFile jar, int runtimeFeature) {
        List<String> roots = new ArrayList<>();
        for (int v = runtimeFeature; v >= 9; v--) {
            String root = VERSIONS + v + "/";
            if (jar.getJarEntry(root) != null) {
                roots.add(root);
            }
        }
        return roots;
    }

    @Override
    public String toString() {
        return "memtrack isolated class loader (" + jar.getName() + ")";
    }
}
