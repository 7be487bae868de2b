package dev.memtrack.agent.collect.os;

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
