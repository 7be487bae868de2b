package dev.memtrack.agent.config;

import dev.memtrack.mbeans.ConfigEntry;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The agent's configuration: built once when the agent starts, immutable afterwards, thread-safe.
 *
 * <p>Each key ({@link ConfigKey}) is looked up in these places; the first that has it wins:
 * <ol>
 *   <li>agent arguments: {@code -javaagent:memtrack-agent.jar=k=v,k=v} or {@code attach <pid> k=v,k=v};</li>
 *   <li>system properties {@code -Dmemtrack.<key>=v};</li>
 *   <li>environment variables {@code MEMTRACK_<KEY>} (key upper-cased, dots replaced by underscores,
 *       e.g. {@code MEMTRACK_JOLOKIA_PORT});</li>
 *   <li>the properties file named by the key {@code config} (itself taken from 1-3), with plain keys
 *       such as {@code jolokia.port=0};</li>
 *   <li>the default of the key.</li>
 * </ol>
 * A blank value means "not set" and falls through to the next place.
 *
 * <p>Parsing runs on the application's premain thread, so it uses plain loops: the first lambda of a
 * JVM costs tens of milliseconds of {@code java.lang.invoke} bootstrap.
 *
 * <p>Nothing here throws on bad input. An unknown key becomes a warning that lists the valid keys;
 * an invalid value becomes a {@link ConfigProblem} naming key, value and what is accepted, the key
 * keeps its default, and the subsystems that use the key stay off (see {@link #invalidKeys()}).
 * With {@code failFast=true} any problem makes the agent refuse to start. System properties under
 * {@value #PUBLISHED_PREFIX} are what the agent publishes about itself and are never configuration.
 */
public final class AgentConfig {

    public static final String SYSTEM_PROPERTY_PREFIX = "memtrack.";
    public static final String ENVIRONMENT_PREFIX = "MEMTRACK_";
    /** Prefix of the system properties the agent sets in its JVM (version, Jolokia URL, ...). */
    public static final String PUBLISHED_PREFIX = "memtrack.agent.";
    static final String REDACTED = "******";

    /** One key in effect: parsed value ({@code null} when not set), its text and where it came from. */
    public record Setting(ConfigKey key, Object value, String text, ConfigSource source) {

        /** The value as shown to users: secrets redacted, "not set" spelled out. */
        public String displayText() {
            if (value == null) {
                return "";
            }
            return key.isSecret() ? REDACTED : text;
        }
    }

    private final Map<ConfigKey, Setting> settings;
    private final List<ConfigProblem> problems;
    private final List<String> warnings;

    private AgentConfig(Map<ConfigKey, Setting> settings, List<ConfigProblem> problems, List<String> warnings) {
        this.settings = settings;
        this.problems = List.copyOf(problems);
        this.warnings = List.copyOf(warnings);
    }

    /** Defaults only. */
    public static AgentConfig defaults() {
        return parse("", Map.of(), Map.of());
    }

    /**
     * Reads the configuration of this JVM.
     *
     * @param agentArguments   the agent argument string ({@code null} or blank for none)
     * @param systemProperties the JVM's system properties (only {@code memtrack.*} are read)
     * @param environment      the process environment (only {@code MEMTRACK_*} are read)
     */
    public static AgentConfig parse(String agentArguments, Map<String, String> systemProperties,
                                    Map<String, String> environment) {
        return new Parser().parse(agentArguments, systemProperties, environment);
    }

    /** Reads this JVM's system properties and environment. */
    public static AgentConfig fromJvm(String agentArguments) {
        Map<String, String> properties = new LinkedHashMap<>();
        Properties jvm = System.getProperties();
        for (String name : jvm.stringPropertyNames()) {
            if (name.startsWith(SYSTEM_PROPERTY_PREFIX)) {
                properties.put(name, jvm.getProperty(name));
            }
        }
        return parse(agentArguments, properties, System.getenv());
    }

    // ---------------------------------------------------------------- values

    public boolean bool(ConfigKey key) {
        return (Boolean) value(key);
    }

    public int integer(ConfigKey key) {
        return (Integer) value(key);
    }

    public Duration duration(ConfigKey key) {
        return (Duration) value(key);
    }

    /** A size in bytes. */
    public long size(ConfigKey key) {
        return (Long) value(key);
    }

    /** A choice key, in lower case. */
    public String choice(ConfigKey key) {
        return (String) value(key);
    }

    /** A 64-bit integer key. */
    public long longInteger(ConfigKey key) {
        return (Long) value(key);
    }

    /** An enumeration key, as the constant of {@code type}. */
    public <E extends Enum<E>> E enumeration(ConfigKey key, Class<E> type) {
        return type.cast(value(key));
    }

    /** A text key; empty when not set. */
    public Optional<String> text(ConfigKey key) {
        return Optional.ofNullable((String) settings.get(key).value());
    }

    /** A path key; empty when not set. */
    public Optional<Path> path(ConfigKey key) {
        return Optional.ofNullable((Path) settings.get(key).value());
    }

    /** A class-patterns key; empty when not set. */
    @SuppressWarnings("unchecked")
    public List<String> patterns(ConfigKey key) {
        Object v = settings.get(key).value();
        return v == null ? List.of() : (List<String>) v;
    }

    public Setting setting(ConfigKey key) {
        return settings.get(key);
    }

    private Object value(ConfigKey key) {
        Object v = settings.get(key).value();
        if (v == null) {
            throw new IllegalStateException(key.key() + " has no value and no default");
        }
        return v;
    }

    // ---------------------------------------------------------------- problems

    /** Invalid values, unreadable config file, syntax errors: with failFast, any of these refuses start. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    /** Unknown keys (with the list of valid keys); also count as problems for failFast. */
    public List<String> warnings() {
        return warnings;
    }

    public boolean hasProblemsOrWarnings() {
        return !problems.isEmpty() || !warnings.isEmpty();
    }

    /** Keys whose configured value was invalid; they keep their default and their subsystems stay off. */
    public Set<ConfigKey> invalidKeys() {
        return problems.stream().flatMap(p -> p.invalidKey().stream())
                .collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(ConfigKey.class)));
    }

    /** The problem of the first of {@code keys} that is invalid, if any. */
    public Optional<ConfigProblem> problemWithAny(Collection<ConfigKey> keys) {
        return problems.stream().filter(p -> p.key() != null && keys.contains(p.key())).findFirst();
    }

    /** {@code failFast=true}, read even when other values are bad. */
    public boolean failFast() {
        return bool(ConfigKey.FAIL_FAST);
    }

    // ---------------------------------------------------------------- presentation

    /** Every key in effect, secrets redacted; the Agent MBean's configuration table. */
    public List<ConfigEntry> entries() {
        List<ConfigEntry> entries = new ArrayList<>();
        for (Setting s : settings.values()) {
            entries.add(new ConfigEntry(s.key().key(), s.displayText(), s.source().label()));
        }
        return entries;
    }

    /** One line: {@code interval=1s (default), jolokia.port=0 (agent-argument), ...}, secrets redacted. */
    public String describe() {
        return settings.values().stream()
                .map(s -> s.key().key() + "=" + (s.value() == null ? "<not set>" : s.displayText())
                        + " (" + s.source().label() + ")")
                .collect(Collectors.joining(", "));
    }

    // ---------------------------------------------------------------- parsing

    /** One parse; collects problems as it goes. Not thread-safe, used once. */
    private static final class Parser {
        private final Map<ConfigKey, Setting> found = new EnumMap<>(ConfigKey.class);
        private final List<ConfigProblem> problems = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();

        AgentConfig parse(String agentArguments, Map<String, String> systemProperties,
                          Map<String, String> environment) {
            List<String> syntaxProblems = new ArrayList<>();
            for (AgentArguments.Pair pair : AgentArguments.split(agentArguments, syntaxProblems)) {
                offer(pair.key(), pair.value(), ConfigSource.AGENT_ARGUMENT);
            }
            for (String message : syntaxProblems) {
                problems.add(new ConfigProblem(null, message));
            }
            for (Map.Entry<String, String> p : systemProperties.entrySet()) {
                String name = p.getKey();
                if (name.startsWith(SYSTEM_PROPERTY_PREFIX) && !name.startsWith(PUBLISHED_PREFIX)) {
                    offer(name.substring(SYSTEM_PROPERTY_PREFIX.length()), p.getValue(), ConfigSource.SYSTEM_PROPERTY);
                }
            }
            for (Map.Entry<String, String> v : environment.entrySet()) {
                String name = v.getKey();
                if (name.startsWith(ENVIRONMENT_PREFIX)) {
                    Optional<ConfigKey> key = ConfigKey.byEnvironmentVariable(name);
                    if (key.isPresent()) {
                        offer(key.get().key(), v.getValue(), ConfigSource.ENVIRONMENT);
                    } else {
                        warnings.add("unknown environment variable " + name + " ignored; memtrack reads "
                                + ENVIRONMENT_PREFIX + "<KEY> for the keys " + ConfigKey.validKeys());
                    }
                }
            }
            Setting configFile = found.get(ConfigKey.CONFIG);
            if (configFile != null) {
                readConfigFile((Path) configFile.value());
            }
            Map<ConfigKey, Setting> settings = new EnumMap<>(ConfigKey.class);
            for (ConfigKey key : ConfigKey.values()) {
                settings.put(key, found.getOrDefault(key, defaultSetting(key)));
            }
            return new AgentConfig(settings, problems, warnings);
        }

        private void readConfigFile(Path file) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException | SecurityException e) {
                problems.add(new ConfigProblem(ConfigKey.CONFIG, "cannot read config file '" + file + "': "
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage())
                        + "; its keys are ignored"));
                return;
            }
            for (String name : properties.stringPropertyNames()) {
                if (name.equals(ConfigKey.CONFIG.key())) {
                    warnings.add("key 'config' inside config file '" + file + "' ignored: a config file cannot "
                            + "name another one");
                } else {
                    offer(name, properties.getProperty(name), ConfigSource.CONFIG_FILE);
                }
            }
        }

        /** Keeps the value if no place of higher precedence gave one (sources arrive highest first). */
        private void offer(String name, String text, ConfigSource source) {
            Optional<ConfigKey> known = ConfigKey.byKey(name);
            if (known.isEmpty()) {
                warnings.add(unknownKey(name, source));
                return;
            }
            ConfigKey key = known.get();
            Setting current = found.get(key);
            if (text == null || text.isBlank() || (current != null && current.source() != source)) {
                return;
            }
            try {
                Object value = key.type().parse(text);
                found.put(key, new Setting(key, value, key.type().format(value), source));
            } catch (IllegalArgumentException e) {
                String shown = key.isSecret() ? REDACTED : text.trim();
                problems.add(new ConfigProblem(key, "invalid value '" + shown + "' for " + key.key() + " ("
                        + source.label() + "): " + e.getMessage()));
                // The key keeps its default; a value of lower precedence must not slip in either.
                found.put(key, defaultSetting(key));
            }
        }

        private static Setting defaultSetting(ConfigKey key) {
            if (key.defaultText().isEmpty()) {
                return new Setting(key, null, "", ConfigSource.DEFAULT);
            }
            Object value = key.type().parse(key.defaultText());
            return new Setting(key, value, key.type().format(value), ConfigSource.DEFAULT);
        }

        private static String unknownKey(String name, ConfigSource source) {
            String where = source == ConfigSource.SYSTEM_PROPERTY ? "system property " + SYSTEM_PROPERTY_PREFIX + name
                    : "key '" + name + "' (" + source.label() + ")";
            Optional<ConfigKey> closest = closestKey(name);
            String suggestion = closest.isPresent() ? " (did you mean " + closest.get().key() + "?)" : "";
            return "unknown " + where + " ignored" + suggestion + "; valid keys: " + ConfigKey.validKeys();
        }

        private static Optional<ConfigKey> closestKey(String name) {
            ConfigKey best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (ConfigKey key : ConfigKey.values()) {
                int d = editDistance(name.toLowerCase(Locale.ROOT), key.key().toLowerCase(Locale.ROOT));
                if (d < bestDistance) {
                    bestDistance = d;
                    best = key;
                }
            }
            return bestDistance <= 2 ? Optional.of(best) : Optional.empty();
        }

        private static int editDistance(String a, String b) {
            int[] previous = new int[b.length() + 1];
            int[] current = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                previous[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                current[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                    current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
                }
                int[] t = previous;
                previous = current;
                current = t;
            }
            return previous[b.length()];
        }
    }
}
