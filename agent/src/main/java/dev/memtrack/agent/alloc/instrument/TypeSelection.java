package dev.memtrack.agent.alloc.instrument;

import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.List;

/**
 * Which classes get instrumented: those matching {@code alloc.include} (everything when empty)
 * and no {@code alloc.exclude} pattern, never the JDK's (bootstrap and platform loaders, JDK
 * packages defined elsewhere such as reflection accessors and proxies), never the tracker's own
 * (its class loader when that is not the application's, or its code source), and by default not
 * Byte Buddy's. Classes in {@code dev.memtrack.agent} (the agent's launcher on the application class
 * path, say) are only selected by an include pattern inside that package.
 *
 * <p>Patterns: {@code *} (everything), {@code com.acme.*} (a package and its subpackages),
 * {@code com.acme.Foo*} (a name prefix), {@code com.acme.Main} (one class and its nested classes).
 */
public final class TypeSelection {

    private static final String AGENT_PACKAGE = "dev.memtrack.agent.";
    private static final List<String> JDK_PACKAGES =
            List.of("java.", "jdk.", "sun.", "com.sun.proxy.", "jdk.internal.");

    private final List<String> include;
    private final List<String> exclude;
    private final ClassLoader ownLoader;
    private final URL ownLocation;

    /**
     * @param ownClass a class of the tracker: its loader and code source are never instrumented
     */
    public TypeSelection(List<String> include, List<String> exclude, Class<?> ownClass) {
        this.include = List.copyOf(include);
        this.exclude = List.copyOf(exclude);
        ClassLoader loader = ownClass.getClassLoader();
        this.ownLoader = loader == ClassLoader.getSystemClassLoader() ? null : loader;
        this.ownLocation = location(ownClass.getProtectionDomain());
    }

    public boolean selects(String className, ClassLoader loader, ProtectionDomain protectionDomain) {
        if (loader == null || loader == ClassLoader.getPlatformClassLoader()
                || (ownLoader != null && loader == ownLoader)) {
            return false;
        }
        for (String p : JDK_PACKAGES) {
            if (className.startsWith(p)) {
                return false;
            }
        }
        if (ownLocation != null && ownLocation.equals(location(protectionDomain))) {
            return false;
        }
        if (className.startsWith(AGENT_PACKAGE) && include.stream()
                .noneMatch(p -> p.startsWith(AGENT_PACKAGE) && matches(p, className))) {
            return false;
        }
        if (include.isEmpty()) {
            if (className.startsWith("net.bytebuddy.")) {
                return false;
            }
        } else if (!matchesAny(include, className)) {
            return false;
        }
        return !matchesAny(exclude, className);
    }

    static boolean matchesAny(List<String> patterns, String className) {
        for (String p : patterns) {
            if (matches(p, className)) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(String pattern, String className) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.endsWith("*")) {
            return className.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return className.equals(pattern) || className.startsWith(pattern + '$');
    }

    private static URL location(ProtectionDomain pd) {
        CodeSource cs = pd == null ? null : pd.getCodeSource();
        return cs == null ? null : cs.getLocation();
    }
}
