package dev.memtrack.agent.alloc;

import dev.memtrack.mbeans.AllocationMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Settings of the allocation tracker, validated when built. Every message names the key, quotes
 * the value and says what is accepted.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code alloc}</td><td>mode: EXACT, SAMPLED or OFF</td><td>SAMPLED</td></tr>
 *   <tr><td>{@code alloc.interval}</td><td>mean bytes between two samples of a thread
 *       ({@code 512k}, {@code 1m}, plain bytes), 1 KiB to 1 GiB</td><td>512k</td></tr>
 *   <tr><td>{@code alloc.include}</td><td>comma-separated patterns of classes to instrument
 *       ({@code com.acme.*}, {@code com.acme.Main}, {@code *}); empty = every class not from the JDK,
 *       memtrack or Byte Buddy</td><td>empty</td></tr>
 *   <tr><td>{@code alloc.exclude}</td><td>patterns never instrumented; win over include</td><td>empty</td></tr>
 *   <tr><td>{@code alloc.stackDepth}</td><td>frames kept in sampled stacks, 1 to 128</td><td>16</td></tr>
 *   <tr><td>{@code alloc.maxSites}</td><td>rows kept in each bounded table, 100 to 1,000,000</td><td>10000</td></tr>
 * </table>
 *
 * @param mode           how allocations are recorded
 * @param intervalBytes  mean sampling interval in bytes
 * @param include        class patterns to instrument; empty means the default selection
 * @param exclude        class patterns never instrumented
 * @param stackDepth     frames kept per sampled stack
 * @param maxSites       capacity of the site, type and stack tables
 */
public record AllocationSettings(AllocationMode mode, long intervalBytes, List<String> include, List<String> exclude,
                                 int stackDepth, int maxSites) {

    public static final String MODE_KEY = "alloc";
    public static final String INTERVAL_KEY = "alloc.interval";
    public static final String INCLUDE_KEY = "alloc.include";
    public static final String EXCLUDE_KEY = "alloc.exclude";
    public static final String STACK_DEPTH_KEY = "alloc.stackDepth";
    public static final String MAX_SITES_KEY = "alloc.maxSites";
    /** Every key, in the order of the table above. */
    public static final List<String> KEYS =
            List.of(MODE_KEY, INTERVAL_KEY, INCLUDE_KEY, EXCLUDE_KEY, STACK_DEPTH_KEY, MAX_SITES_KEY);

    public static final AllocationMode DEFAULT_MODE = AllocationMode.SAMPLED;
    public static final long DEFAULT_INTERVAL_BYTES = 512 * 1024;
    public static final long MIN_INTERVAL_BYTES = 1024;
    public static final long MAX_INTERVAL_BYTES = 1024 * 1024 * 1024;
    public static final int DEFAULT_STACK_DEPTH = 16;
    public static final int MAX_STACK_DEPTH = 128;
    public static final int DEFAULT_MAX_SITES = 10_000;
    public static final int MIN_MAX_SITES = 100;
    public static final int MAX_MAX_SITES = 1_000_000;

    private static final Pattern SIZE = Pattern.compile("(\\d{1,10})([kmg]?)");
    private static final Pattern CLASS_PATTERN =
            Pattern.compile("\\*|(\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)"
                    + "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*(\\.\\*|\\*)?");

    public AllocationSettings {
        Objects.requireNonNull(mode, MODE_KEY + " must not be null; accepted: EXACT, SAMPLED, OFF");
        checkInterval(intervalBytes);
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        include.forEach(p -> checkPattern(INCLUDE_KEY, p));
        exclude.forEach(p -> checkPattern(EXCLUDE_KEY, p));
        checkRange(STACK_DEPTH_KEY, stackDepth, 1, MAX_STACK_DEPTH);
        checkRange(MAX_SITES_KEY, maxSites, MIN_MAX_SITES, MAX_MAX_SITES);
    }

    public static AllocationSettings defaults() {
        return new AllocationSettings(DEFAULT_MODE, DEFAULT_INTERVAL_BYTES, List.of(), List.of(),
                DEFAULT_STACK_DEPTH, DEFAULT_MAX_SITES);
    }

    /**
     * Reads the keys of {@link #KEYS} from {@code values}; absent keys keep their defaults, other
     * keys are ignored (they belong to the rest of the agent).
     */
    public static AllocationSettings fromMap(Map<String, String> values) {
        AllocationSettings d = defaults();
        return new AllocationSettings(
                values.containsKey(MODE_KEY) ? parseMode(values.get(MODE_KEY)) : d.mode(),
                values.containsKey(INTERVAL_KEY) ? parseInterval(values.get(INTERVAL_KEY)) : d.intervalBytes(),
                values.containsKey(INCLUDE_KEY) ? parsePatterns(INCLUDE_KEY, values.get(INCLUDE_KEY)) : d.include(),
                values.containsKey(EXCLUDE_KEY) ? parsePatterns(EXCLUDE_KEY, values.get(EXCLUDE_KEY)) : d.exclude(),
                values.containsKey(STACK_DEPTH_KEY)
                        ? parseInt(STACK_DEPTH_KEY, values.get(STACK_DEPTH_KEY), 1, MAX_STACK_DEPTH) : d.stackDepth(),
                values.containsKey(MAX_SITES_KEY)
                        ? parseInt(MAX_SITES_KEY, values.get(MAX_SITES_KEY), MIN_MAX_SITES, MAX_MAX_SITES)
                        : d.maxSites());
    }

    /** {@code EXACT}, {@code SAMPLED} or {@code OFF}, any case. */
    public static AllocationMode parseMode(String value) {
        String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (AllocationMode m : AllocationMode.values()) {
            if (m.name().equals(v)) {
                return m;
            }
        }
        throw new IllegalArgumentException(MODE_KEY + ": '" + value + "' is not a mode; accepted: EXACT, SAMPLED, OFF");
    }

    /** Plain bytes or a number with a binary suffix {@code k}, {@code m}, {@code g}; 1 KiB to 1 GiB. */
    public static long parseInterval(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        var m = SIZE.matcher(v);
        if (!m.matches()) {
            throw new IllegalArgumentException(INTERVAL_KEY + ": '" + value
                    + "' is not a size; accepted: bytes (524288) or a number with k, m or g (512k, 1m), 1k to 1g");
        }
        long bytes = Long.parseLong(m.group(1)) << switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        if (Long.parseLong(m.group(1)) > MAX_INTERVAL_BYTES) {
            bytes = Long.MAX_VALUE;
        }
        checkInterval(bytes, value);
        return bytes;
    }

    /** Comma-separated class patterns; blank means none. */
    public static List<String> parsePatterns(String key, String value) {
        List<String> out = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return List.of();
        }
        for (String part : value.split(",")) {
            String p = part.trim();
            if (!p.isEmpty()) {
                checkPattern(key, p);
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    public static int parseStackDepth(String value) {
        return parseInt(STACK_DEPTH_KEY, value, 1, MAX_STACK_DEPTH);
    }

    public static int parseMaxSites(String value) {
        return parseInt(MAX_SITES_KEY, value, MIN_MAX_SITES, MAX_MAX_SITES);
    }

    public AllocationSettings withMode(AllocationMode newMode) {
        return new AllocationSettings(newMode, intervalBytes, include, exclude, stackDepth, maxSites);
    }

    public AllocationSettings withIntervalBytes(long bytes) {
        return new AllocationSettings(mode, bytes, include, exclude, stackDepth, maxSites);
    }

    public AllocationSettings withInclude(List<String> patterns) {
        return new AllocationSettings(mode, intervalBytes, patterns, exclude, stackDepth, maxSites);
    }

    public AllocationSettings withExclude(List<String> patterns) {
        return new AllocationSettings(mode, intervalBytes, include, patterns, stackDepth, maxSites);
    }

    public AllocationSettings withStackDepth(int depth) {
        return new AllocationSettings(mode, intervalBytes, include, exclude, depth, maxSites);
    }

    public AllocationSettings withMaxSites(int sites) {
        return new AllocationSettings(mode, intervalBytes, include, exclude, stackDepth, sites);
    }

    /** Validates a sampling interval given as bytes (also used by the MBean setter). */
    public static void checkInterval(long bytes) {
        checkInterval(bytes, Long.toString(bytes));
    }

    private static void checkInterval(long bytes, String shown) {
        if (bytes < MIN_INTERVAL_BYTES || bytes > MAX_INTERVAL_BYTES) {
            throw new IllegalArgumentException(INTERVAL_KEY + ": '" + shown
                    + "' is out of range; accepted: 1k (1024 bytes) to 1g (1073741824 bytes)");
        }
    }

    private static int parseInt(String key, String value, int min, int max) {
        String v = value == null ? "" : value.trim();
        int parsed;
        try {
            parsed = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not a whole number; accepted: "
                    + min + " to " + max, e);
        }
        checkRange(key, parsed, min, max);
        return parsed;
    }

    private static void checkRange(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + ": '" + value + "' is out of range; accepted: " + min + " to " + max);
        }
    }

    private static void checkPattern(String key, String pattern) {
        if (pattern == null || !CLASS_PATTERN.matcher(pattern).matches()) {
            throw new IllegalArgumentException(key + ": '" + pattern + "' is not a class pattern; accepted: "
                    + "comma-separated package patterns (com.acme.*), class name prefixes (com.acme.Foo*), "
                    + "class names (com.acme.Main) or *");
        }
    }
}
