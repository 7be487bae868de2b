package dev.memtrack.agent.alloc;

import dev.memtrack.agent.config.ValueType;
import dev.memtrack.mbeans.AllocationMode;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the allocation tracker, validated when built. The agent reads them from its
 * configuration keys {@code alloc}, {@code alloc.interval}, {@code alloc.include},
 * {@code alloc.exclude}, {@code alloc.stackDepth} and {@code alloc.maxSites} (see
 * {@code ConfigKey}, which parses and checks the text; {@link AllocationSubsystem} maps them here).
 * Every message names the key, quotes the value and says what is accepted.
 *
 * @param mode           how allocations are recorded
 * @param intervalBytes  mean sampling interval in bytes, 1 KiB to 1 GiB
 * @param include        class patterns to instrument; empty means every class not from the JDK,
 *                       memtrack or Byte Buddy
 * @param exclude        class patterns never instrumented; win over include
 * @param stackDepth     frames kept per sampled stack, 1 to 128
 * @param maxSites       capacity of the site, type and stack tables, 100 to 1,000,000
 */
public record AllocationSettings(AllocationMode mode, long intervalBytes, List<String> include, List<String> exclude,
                                 int stackDepth, int maxSites) {

    public static final String MODE_KEY = "alloc";
    public static final String INTERVAL_KEY = "alloc.interval";
    public static final String INCLUDE_KEY = "alloc.include";
    public static final String EXCLUDE_KEY = "alloc.exclude";
    public static final String STACK_DEPTH_KEY = "alloc.stackDepth";
    public static final String MAX_SITES_KEY = "alloc.maxSites";

    public static final AllocationMode DEFAULT_MODE = AllocationMode.SAMPLED;
    public static final long DEFAULT_INTERVAL_BYTES = 512 * 1024;
    public static final long MIN_INTERVAL_BYTES = 1024;
    public static final long MAX_INTERVAL_BYTES = 1024 * 1024 * 1024;
    public static final int DEFAULT_STACK_DEPTH = 16;
    public static final int MAX_STACK_DEPTH = 128;
    public static final int DEFAULT_MAX_SITES = 10_000;
    public static final int MIN_MAX_SITES = 100;
    public static final int MAX_MAX_SITES = 1_000_000;

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

    /** Validates a sampling interval given as bytes. */
    public static void checkInterval(long bytes) {
        if (bytes < MIN_INTERVAL_BYTES || bytes > MAX_INTERVAL_BYTES) {
            throw new IllegalArgumentException(INTERVAL_KEY + ": '" + bytes
                    + "' is out of range; accepted: 1024 bytes (1KiB) to 1073741824 bytes (1GiB)");
        }
    }

    private static void checkRange(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + ": '" + value + "' is out of range; accepted: " + min + " to " + max);
        }
    }

    private static void checkPattern(String key, String pattern) {
        if (!ValueType.isClassPattern(pattern)) {
            throw new IllegalArgumentException(key + ": '" + pattern + "' is not a class pattern; accepted: "
                    + "comma-separated package patterns (com.acme.*), class name prefixes (com.acme.Foo*), "
                    + "class names (com.acme.Main) or *");
        }
    }
}
