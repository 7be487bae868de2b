package dev.memtrack.agent.policy;

import dev.memtrack.agent.policy.act.ProcessSelector;
import dev.memtrack.mbeans.PolicyMode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the adaptive policy, read once at start. The agent's configuration hands the raw
 * strings of the keys below to {@link #fromMap(Map)} (or to the single-key parsers); every
 * rejection names the key, quotes the value and says what is accepted.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code policy}</td><td>ADVISORY</td><td>OFF, ADVISORY or ENFORCE</td></tr>
 *   <tr><td>{@code policy.interval}</td><td>1s</td><td>time between evaluations, 100ms to 60s</td></tr>
 *   <tr><td>{@code policy.file}</td><td>(built-in rules)</td><td>rules file</td></tr>
 *   <tr><td>{@code policy.processes}</td><td>(none)</td><td>OS processes that may be reniced, ';'-separated</td></tr>
 *   <tr><td>{@code policy.seed}</td><td>1</td><td>seed of tie-breaking and exploration</td></tr>
 *   <tr><td>{@code policy.decisions}</td><td>100</td><td>recent decisions kept, 1 to 10000</td></tr>
 * </table>
 *
 * <p>The default mode is ADVISORY: an agent added to someone's JVM shows what it would do and
 * changes nothing until a person opts into ENFORCE.
 *
 * @param mode      what the engine does with its decisions
 * @param interval  time between two evaluations
 * @param rulesFile rules file; empty for the built-in rules
 * @param processes OS processes the engine may renice
 * @param seed      seed of the random choices (ties, exploration), so runs can be repeated
 * @param decisions how many recent decisions the MBean keeps
 */
public record PolicySettings(PolicyMode mode, Duration interval, Optional<Path> rulesFile,
                             List<ProcessSelector> processes, long seed, int decisions) {

    public static final String MODE_KEY = "policy";
    public static final String INTERVAL_KEY = "policy.interval";
    public static final String FILE_KEY = "policy.file";
    public static final String PROCESSES_KEY = "policy.processes";
    public static final String SEED_KEY = "policy.seed";
    public static final String DECISIONS_KEY = "policy.decisions";

    /** Every key, in documentation order. */
    public static final List<String> KEYS =
            List.of(MODE_KEY, INTERVAL_KEY, FILE_KEY, PROCESSES_KEY, SEED_KEY, DECISIONS_KEY);

    public static final PolicyMode DEFAULT_MODE = PolicyMode.ADVISORY;
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    public static final long DEFAULT_SEED = 1;
    public static final int DEFAULT_DECISIONS = 100;

    static final Duration MIN_INTERVAL = Duration.ofMillis(100);
    static final Duration MAX_INTERVAL = Duration.ofSeconds(60);
    static final int MAX_DECISIONS = 10_000;

    public PolicySettings {
        Objects.requireNonNull(mode, MODE_KEY);
        Objects.requireNonNull(interval, INTERVAL_KEY);
        Objects.requireNonNull(rulesFile, FILE_KEY);
        processes = List.copyOf(processes);
        if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
            throw invalid(INTERVAL_KEY, DurationText.format(interval), "a duration from 100ms to 60s");
        }
        if (decisions < 1 || decisions > MAX_DECISIONS) {
            throw invalid(DECISIONS_KEY, Integer.toString(decisions), "a whole number from 1 to " + MAX_DECISIONS);
        }
    }

    public static PolicySettings defaults() {
        return new PolicySettings(DEFAULT_MODE, DEFAULT_INTERVAL, Optional.empty(), List.of(), DEFAULT_SEED,
                DEFAULT_DECISIONS);
    }

    /**
     * Builds settings from raw key/value strings; keys that are absent take their default, keys
     * that are not policy keys are ignored (they belong to the rest of the agent).
     *
     * @throws IllegalArgumentException for the first bad value, naming key, value and what is accepted
     */
    public static PolicySettings fromMap(Map<String, String> raw) {
        PolicySettings d = defaults();
        return new PolicySettings(
                raw.containsKey(MODE_KEY) ? parseMode(raw.get(MODE_KEY)) : d.mode(),
                raw.containsKey(INTERVAL_KEY) ? parseInterval(raw.get(INTERVAL_KEY)) : d.interval(),
                raw.containsKey(FILE_KEY) ? parseFile(raw.get(FILE_KEY)) : d.rulesFile(),
                raw.containsKey(PROCESSES_KEY) ? parseProcesses(raw.get(PROCESSES_KEY)) : d.processes(),
                raw.containsKey(SEED_KEY) ? parseSeed(raw.get(SEED_KEY)) : d.seed(),
                raw.containsKey(DECISIONS_KEY) ? parseDecisions(raw.get(DECISIONS_KEY)) : d.decisions());
    }

    /** {@code OFF}, {@code ADVISORY} or {@code ENFORCE}, in any letter case. */
    public static PolicyMode parseMode(String value) {
        String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (PolicyMode m : PolicyMode.values()) {
            if (m.name().equals(v)) {
                return m;
            }
        }
        throw invalid(MODE_KEY, value, "OFF, ADVISORY or ENFORCE");
    }

    /** A duration from 100ms to 60s, e.g. {@code 500ms} or {@code 2s}. */
    public static Duration parseInterval(String value) {
        Duration d = DurationText.parseOrNull(value);
        if (d == null || d.compareTo(MIN_INTERVAL) < 0 || d.compareTo(MAX_INTERVAL) > 0) {
            throw invalid(INTERVAL_KEY, value, "a duration from 100ms to 60s, " + DurationText.ACCEPTED);
        }
        return d;
    }

    /** A file path; empty means the built-in rules. Whether it can be read is checked when the engine starts. */
    public static Optional<Path> parseFile(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(value.trim()));
        } catch (InvalidPathException e) {
            throw invalid(FILE_KEY, value, "a path to a rules file (" + e.getReason() + ")");
        }
    }

    /**
     * Entries separated by {@code ;} (or {@code ,} where the value does not pass through the agent's
     * comma-separated argument string), each a pid or a name pattern.
     */
    public static List<ProcessSelector> parseProcesses(String value) {
        List<ProcessSelector> out = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return out;
        }
        for (String entry : value.split("[;,]")) {
            if (entry.isBlank()) {
                continue;
            }
            try {
                out.add(ProcessSelector.parse(entry));
            } catch (IllegalArgumentException e) {
                throw invalid(PROCESSES_KEY, value, "entries separated by ';', each " + ProcessSelector.ACCEPTED
                        + " (" + e.getMessage() + ")");
            }
        }
        return out;
    }

    /** Any whole number (a Java long). */
    public static long parseSeed(String value) {
        try {
            return Long.parseLong(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw invalid(SEED_KEY, value, "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
        }
    }

    /** A whole number from 1 to 10000. */
    public static int parseDecisions(String value) {
        try {
            int n = Integer.parseInt(value == null ? "" : value.trim());
            if (n >= 1 && n <= MAX_DECISIONS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw invalid(DECISIONS_KEY, value, "a whole number from 1 to " + MAX_DECISIONS);
    }

    public PolicySettings withMode(PolicyMode newMode) {
        return new PolicySettings(newMode, interval, rulesFile, processes, seed, decisions);
    }

    public PolicySettings withInterval(Duration newInterval) {
        return new PolicySettings(mode, newInterval, rulesFile, processes, seed, decisions);
    }

    public PolicySettings withRulesFile(Path file) {
        return new PolicySettings(mode, interval, Optional.ofNullable(file), processes, seed, decisions);
    }

    public PolicySettings withProcesses(List<ProcessSelector> newProcesses) {
        return new PolicySettings(mode, interval, rulesFile, newProcesses, seed, decisions);
    }

    public PolicySettings withSeed(long newSeed) {
        return new PolicySettings(mode, interval, rulesFile, processes, newSeed, decisions);
    }

    private static IllegalArgumentException invalid(String key, String value, String accepted) {
        return new IllegalArgumentException("Invalid value '" + value + "' for " + key + ": expected " + accepted);
    }
}
