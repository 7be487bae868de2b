package dev.memtrack.agent.config;

import dev.memtrack.mbeans.PolicyMode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every configuration key of the agent: name, type and accepted values, default, description, and
 * whether it is a secret. This enum is the single source: the parser, the effective-configuration
 * table of the Agent MBean and the README's configuration table (checked by a test) all come from it.
 *
 * <p>To add a key (e.g. {@code alloc.*}), add a constant here, declare it in the
 * {@code configKeys()} of the subsystem it configures, and add its row to the README table.
 *
 * <p>Where a key is read from, highest precedence first: see {@link AgentConfig}.
 */
public enum ConfigKey {

    ALLOC("alloc", ValueType.choice("sampled", "exact", "off", "disabled"), "sampled",
            "Allocation tracking at start: sampled (unbiased estimates at low cost), exact (every allocation "
                    + "counted), off (classes instrumented, nothing recorded until Mode is set on "
                    + "memtrack:type=Allocations) or disabled (nothing instrumented, no Allocations MBean)"),
    ALLOC_INTERVAL("alloc.interval", ValueType.size(1024, 1L << 30), "512KiB",
            "Mean bytes a thread allocates between two samples: those of the sampled estimates, and the stack "
                    + "samples of both modes; also writable as SamplingIntervalBytes"),
    ALLOC_INCLUDE("alloc.include", ValueType.classPatterns(), "",
            "Classes whose allocations are tracked; not set: every class that is not the JDK's, memtrack's or "
                    + "Byte Buddy's"),
    ALLOC_EXCLUDE("alloc.exclude", ValueType.classPatterns(), "",
            "Classes never instrumented, even when alloc.include selects them"),
    ALLOC_STACK_DEPTH("alloc.stackDepth", ValueType.integer(1, 128), "16",
            "Frames kept in each sampled allocation stack (foldedStacks)"),
    ALLOC_MAX_SITES("alloc.maxSites", ValueType.integer(100, 1_000_000), "10000",
            "Rows kept in each allocation table (sites, types, stacks); every row heavier than 1/alloc.maxSites of "
                    + "the total is kept"),
    CONFIG("config", ValueType.path("a readable Java properties file"), "",
            "Properties file with more keys (precedence below environment variables)"),
    FAIL_FAST("failFast", ValueType.bool(), "false",
            "Refuse to start the agent if any key is unknown or any value invalid: the problems are printed "
                    + "and the application runs without memtrack"),
    INTERVAL("interval", ValueType.duration(Duration.ofMillis(100), Duration.ofSeconds(60)), "1s",
            "Sampling interval of the collectors and of the JSON Lines log"),
    JOLOKIA("jolokia", ValueType.bool(), "true",
            "Start the embedded Jolokia HTTP endpoint"),
    JOLOKIA_HOST("jolokia.host", ValueType.text("a host name or IP address"), "127.0.0.1",
            "Address Jolokia binds to; a non-loopback address requires jolokia.user and jolokia.password"),
    JOLOKIA_PORT("jolokia.port", ValueType.integer(0, 65535), "8778",
            "Jolokia TCP port; 0 picks a free port (the ready line prints it)"),
    JOLOKIA_USER("jolokia.user", ValueType.text("a user name"), "",
            "User for HTTP basic authentication; set together with jolokia.password"),
    JOLOKIA_PASSWORD("jolokia.password", ValueType.text("a password"), "",
            "Password for HTTP basic authentication", true),
    JOLOKIA_POLICY("jolokia.policy", ValueType.path("a readable jolokia-access.xml file"), "",
            "Jolokia access policy replacing memtrack's default one"),
    JOLOKIA_HTTPS_CERT("jolokia.https.cert", ValueType.path("a readable PEM certificate file"), "",
            "PEM certificate (chain) of the endpoint; with jolokia.https.key, Jolokia serves https"),
    JOLOKIA_HTTPS_KEY("jolokia.https.key", ValueType.path("a readable PEM private key file"), "",
            "PEM private key (PKCS#8 or PKCS#1) of jolokia.https.cert"),
    LOG("log", ValueType.path("a writable file path"), "",
            "JSON Lines file, one object per interval; no log when not set"),
    LOG_MAX_BYTES("log.maxBytes", ValueType.size(4096, 1L << 40), "10MiB",
            "Size at which the JSON Lines log is rotated"),
    LOG_MAX_FILES("log.maxFiles", ValueType.integer(1, 100), "5",
            "Rotated JSON Lines files kept (file.1 newest ... file.N oldest)"),
    OSHI_PROVIDER("oshi.provider", ValueType.choice("auto", "native-free", "jna"), "auto",
            "How OSHI reads the operating system: auto uses OSHI's native-free implementation where it has one "
                    + "(Linux: /proc and /sys, no native code in the application's JVM) and JNA elsewhere"),
    POLICY("policy", ValueType.enumeration(PolicyMode.class), "ADVISORY",
            "Mode of the adaptive policy: OFF evaluates nothing, ADVISORY decides and records without changing "
                    + "anything, ENFORCE acts; also writable as the Policy MBean's Mode"),
    POLICY_INTERVAL("policy.interval", ValueType.duration(Duration.ofMillis(100), Duration.ofSeconds(60)), "1s",
            "Time between two evaluations of the policy rules"),
    POLICY_FILE("policy.file", ValueType.path("a readable policy rules file"), "",
            "Policy rules file (see Writing a rule); the built-in rules when not set; a file that cannot be read "
                    + "or is invalid keeps the policy off"),
    POLICY_PROCESSES("policy.processes", ValueType.matching(ProcessList.FORM, ProcessList.ACCEPTED), "",
            "OS processes the policy may renice (Linux)"),
    POLICY_SEED("policy.seed", ValueType.longInteger(), "1",
            "Seed of the policy's tie-breaks and exploration, so that a run can be repeated"),
    POLICY_DECISIONS("policy.decisions", ValueType.integer(1, 10_000), "100",
            "Recent decisions the Policy MBean keeps in RecentDecisions"),
    PROCESSES_TOP("processes.top", ValueType.integer(1, 500), "10",
            "Rows of each process table (top by CPU, top by resident memory); also writable through the "
                    + "Processes MBean"),
    STRESS_CAP_PERCENT("stress.capPercent", ValueType.integer(1, 90), "50",
            "Largest memory the stress generator may retain, in percent of the maximum heap");

    private final String key;
    private final ValueType type;
    private final String defaultText;
    private final String description;
    private final boolean secret;

    ConfigKey(String key, ValueType type, String defaultText, String description) {
        this(key, type, defaultText, description, false);
    }

    ConfigKey(String key, ValueType type, String defaultText, String description, boolean secret) {
        this.key = key;
        this.type = type;
        this.defaultText = defaultText;
        this.description = description;
        this.secret = secret;
    }

    /** The name users write, e.g. {@code jolokia.port}. */
    public String key() {
        return key;
    }

    public ValueType type() {
        return type;
    }

    /** The default as the user would write it; empty when the key has no default ("not set"). */
    public String defaultText() {
        return defaultText;
    }

    public String description() {
        return description;
    }

    /** Secrets are shown as {@code ******} wherever the configuration is printed or published. */
    public boolean isSecret() {
        return secret;
    }

    /** {@code -Dmemtrack.<key>}. */
    public String systemProperty() {
        return AgentConfig.SYSTEM_PROPERTY_PREFIX + key;
    }

    /** {@code MEMTRACK_<KEY>}: the key upper-cased, dots replaced by underscores. */
    public String environmentVariable() {
        return AgentConfig.ENVIRONMENT_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    // Loops, not streams: parsing runs on the application's premain thread (see AgentConfig).

    public static Optional<ConfigKey> byKey(String key) {
        for (ConfigKey k : values()) {
            if (k.key.equals(key)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    public static Optional<ConfigKey> byEnvironmentVariable(String name) {
        for (ConfigKey k : values()) {
            if (k.environmentVariable().equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** All keys, comma separated, for "valid keys are ..." messages. */
    public static String validKeys() {
        StringBuilder keys = new StringBuilder();
        for (ConfigKey k : values()) {
            keys.append(keys.length() == 0 ? "" : ", ").append(k.key);
        }
        return keys.toString();
    }

    static List<ConfigKey> all() {
        return List.of(values());
    }
}
