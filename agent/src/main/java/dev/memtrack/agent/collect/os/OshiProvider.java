package dev.memtrack.agent.collect.os;

import java.util.function.Function;
import oshi.spi.SystemInfoProvider;

/**
 * Chooses how OSHI reads the operating system ({@code oshi.provider}).
 * <ul>
 *   <li>{@code native-free}: OSHI's implementation that only reads files ({@code /proc}, {@code /sys}),
 *       available on Linux. No native library is loaded into the application's JVM, so JDK 24+ has no
 *       restricted-method warning to print about it.</li>
 *   <li>{@code jna}: OSHI's full implementation through JNA (memtrack's own copy, isolated from any
 *       JNA of the application), on every OS OSHI supports.</li>
 *   <li>{@code auto} (default): native-free where available, JNA elsewhere.</li>
 * </ul>
 * Constructing a provider is cheap; the first query is what is slow.
 */
public final class OshiProvider {

    private OshiProvider() {
    }

    /**
     * Builds a collector on a new provider. The first OSHI calls load JNA's native library (with
     * {@code jna}, or {@code auto} off Linux); when it cannot be loaded, the JVM throws a
     * {@link LinkageError} (and later a bare "Could not initialize class"), which becomes a reason a
     * person can act on.
     */
    public static <T> T open(String mode, Function<SystemInfoProvider, T> collector) {
        try {
            return collector.apply(create(mode));
        } catch (LinkageError e) {
            throw new IllegalStateException("OSHI cannot load its native library through JNA (oshi.provider="
                    + mode + "): " + rootMessage(e) + (System.getProperty("os.name", "").startsWith("Linux")
                    ? "; oshi.provider=native-free reads /proc without native code" : ""));
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // "Could not initialize class X" says nothing; the first failure's message is kept in the chain.
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName()
                : message.replaceFirst("^Exception \\S+: ", "").replaceFirst(" \\[in thread \"[^\"]*\"]$", "");
    }

    public static SystemInfoProvider create(String mode) {
        return switch (mode) {
            case "jna" -> new oshi.SystemInfo();
            case "native-free" -> requireAvailable(new oshi.nativefree.SystemInfo());
            default -> {
                SystemInfoProvider nativeFree = new oshi.nativefree.SystemInfo();
                yield nativeFree.isAvailable() ? nativeFree : new oshi.SystemInfo();
            }
        };
    }

    private static SystemInfoProvider requireAvailable(SystemInfoProvider provider) {
        if (!provider.isAvailable()) {
            throw new IllegalStateException("oshi.provider=native-free is not available on "
                    + System.getProperty("os.name") + "; use auto or jna");
        }
        return provider;
    }
}
