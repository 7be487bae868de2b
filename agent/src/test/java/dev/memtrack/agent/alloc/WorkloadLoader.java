package dev.memtrack.agent.alloc;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * A fresh class loader for test workloads: classes under the given name prefixes are defined
 * here, child first, from the test classes and any extra jars; everything else comes from the
 * application class loader. Each instance gives fresh classes, so each test sees its own classes
 * instrumented when they load (or retransformed, if loaded before the tracker started).
 */
public final class WorkloadLoader extends URLClassLoader {

    public static final String WORKLOAD_PACKAGE = "dev.memtrack.agent.alloc.workload.";

    static {
        registerAsParallelCapable();
    }

    private final List<String> prefixes;

    public WorkloadLoader(List<String> prefixes, List<URL> extraJars) {
        super(urls(extraJars), WorkloadLoader.class.getClassLoader());
        this.prefixes = List.copyOf(prefixes);
    }

    /** Loads only the workload package. */
    public static WorkloadLoader forWorkloads() {
        return new WorkloadLoader(List.of(WORKLOAD_PACKAGE), List.of());
    }

    /** A new instance of a workload class through a fresh loader. */
    public static <T> T newWorkload(WorkloadLoader loader, String simpleName, Class<T> as) {
        try {
            Class<?> c = loader.loadClass(WORKLOAD_PACKAGE + simpleName);
            return as.cast(c.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The jars on the test class path whose file name contains {@code fragment}. */
    public static List<URL> jarsOnClassPath(String... fragments) {
        List<URL> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = new File(entry).getName();
            for (String f : fragments) {
                if (name.contains(f)) {
                    try {
                        out.add(new File(entry).toURI().toURL());
                    } catch (MalformedURLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return out;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (prefixes.stream().noneMatch(name::startsWith)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = defineFromParentOrJars(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    private Class<?> defineFromParentOrJars(String name) throws ClassNotFoundException {
        try {
            return findClass(name);
        } catch (ClassNotFoundException notInJars) {
            String resource = name.replace('.', '/') + ".class";
            try (var in = getParent().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                URL where = getParent().getResource(resource);
                String location = where.toString().substring(0, where.toString().length() - resource.length());
                var cs = new java.security.CodeSource(new URL(location), (java.security.cert.Certificate[]) null);
                return defineClass(name, bytes, 0, bytes.length, new java.security.ProtectionDomain(cs, null));
            } catch (java.io.IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }

    private static URL[] urls(List<URL> extraJars) {
        return extraJars.toArray(URL[]::new);
    }
}
