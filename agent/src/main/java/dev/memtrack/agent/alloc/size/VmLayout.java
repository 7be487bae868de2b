package dev.memtrack.agent.alloc.size;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * The JVM options that shape object layout, read from the running HotSpot.
 *
 * @param objectAlignmentBytes {@code -XX:ObjectAlignmentInBytes}, 8 unless set
 * @param contendedPaddingBytes {@code -XX:ContendedPaddingWidth}, padding around {@code @Contended} fields
 * @param restrictContended {@code -XX:RestrictContended}: {@code @Contended} only honoured in JDK classes
 * @param compactObjectHeaders {@code -XX:+UseCompactObjectHeaders} (JDK 24+), for reporting
 * @param compressedOops {@code -XX:+UseCompressedOops}, for reporting
 */
public record VmLayout(int objectAlignmentBytes, int contendedPaddingBytes, boolean restrictContended,
                       boolean compactObjectHeaders, boolean compressedOops) {

    public static VmLayout current() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        return new VmLayout(
                (int) option(hotspot, "ObjectAlignmentInBytes", 8),
                (int) option(hotspot, "ContendedPaddingWidth", 128),
                option(hotspot, "RestrictContended", 1) != 0,
                option(hotspot, "UseCompactObjectHeaders", 0) != 0,
                option(hotspot, "UseCompressedOops", 1) != 0);
    }

    private static long option(HotSpotDiagnosticMXBean hotspot, String name, long absent) {
        if (hotspot == null) {
            return absent;
        }
        try {
            String v = hotspot.getVMOption(name).getValue();
            return switch (v) {
                case "true" -> 1;
                case "false" -> 0;
                default -> Long.parseLong(v);
            };
        } catch (IllegalArgumentException e) {
            // The option does not exist in this JVM (e.g. compact headers before JDK 24).
            return absent;
        }
    }
}
