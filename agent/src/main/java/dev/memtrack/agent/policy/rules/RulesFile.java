package dev.memtrack.agent.policy.rules;

import dev.memtrack.agent.policy.DurationText;
import dev.memtrack.agent.policy.MetricNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads policy rules from a properties-style text a person writes: one {@code key = value} per line,
 * {@code #} or {@code !} starts a comment line, keys of the form {@code rule.<name>.<property>}:
 *
 * <pre>
 * rule.cpu.metric        = system.cpu.percent   # required, see MetricNames
 * rule.cpu.above         = 80                   # required, threshold
 * rule.cpu.release       = 65                   # default: 90% of above
 * rule.cpu.hold          = 5s                   # default: 5s
 * rule.cpu.cooldown      = 10s                  # default: 10s, also the measurement window
 * rule.cpu.restore-after = 30s                  # default: 30s
 * rule.cpu.actions       = reduce-parallelism(background), reduce-parallelism(normal)   # required
 * rule.cpu.enabled       = true                 # default: true
 * </pre>
 *
 * Rules keep the order in which their names first appear. Every problem is reported, each with its
 * line, key, the value and what is accepted.
 */
public final class RulesFile {

    /** Properties a rule accepts, in documentation order. */
    public static final List<String> PROPERTIES =
            List.of("metric", "above", "release", "hold", "cooldown", "restore-after", "actions", "enabled");

    static final Duration DEFAULT_HOLD = Duration.ofSeconds(5);
    static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(10);
    static final Duration DEFAULT_RESTORE_AFTER = Duration.ofSeconds(30);
    static final double DEFAULT_RELEASE_FRACTION = 0.9;

    private static final String BUILT_IN = "default-rules.properties";
    private static final Pattern RULE_KEY = Pattern.compile("rule\\.([^.]*)\\.(.*)");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final String source;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Map<String, Entry>> rules = new LinkedHashMap<>();

    private RulesFile(String source) {
        this.source = source;
    }

    /** A value and the line it came from. */
    private record Entry(String key, String value, int line) {
    }

    /**
     * Reads and parses a rules file (UTF-8).
     *
     * @throws RulesFileException if it cannot be read or is invalid, with every problem
     */
    public static List<Rule> load(Path file) throws RulesFileException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new RulesFileException("Cannot read policy rules file '" + file + "': " + describe(e), e);
        }
        return parse(file.toString(), text);
    }

    /** The rules memtrack ships, from {@code default-rules.properties} beside this class. */
    public static List<Rule> builtIn() {
        try (InputStream in = RulesFile.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("Built-in policy rules " + BUILT_IN + " are missing from the agent");
            }
            return parse("built-in " + BUILT_IN, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | RulesFileException e) {
            throw new IllegalStateException("Built-in policy rules cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Parses rules from text.
     *
     * @param source names the text in messages, e.g. the file path
     * @throws RulesFileException with every problem found
     */
    public static List<Rule> parse(String source, String text) throws RulesFileException {
        RulesFile parser = new RulesFile(source);
        parser.readLines(text);
        List<Rule> result = parser.buildRules();
        if (!parser.problems.isEmpty()) {
            throw new RulesFileException(source, parser.problems);
        }
        return result;
    }

    private void readLines(String text) {
        String[] lines = text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            readLine(lines[i].trim(), i + 1);
        }
        if (rules.isEmpty() && problems.isEmpty()) {
            problems.add(source + ": no rules; expected lines such as 'rule.cpu.metric = system.cpu.percent'");
        }
    }

    private void readLine(String line, int number) {
        if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
            return;
        }
        int eq = line.indexOf('=');
        if (eq < 0) {
            problems.add(at(number) + "expected 'key = value', got '" + line + "'");
            return;
        }
        String key = line.substring(0, eq).trim();
        String value = stripComment(line.substring(eq + 1)).trim();
        if (value.endsWith("\\")) {
            problems.add(at(number) + key + ": continuation lines ('\\' at the end) are not supported;"
                    + " write the value on one line");
            return;
        }
        Matcher m = RULE_KEY.matcher(key);
        if (!m.matches()) {
            problems.add(at(number) + "unknown key '" + key + "'; keys have the form rule.<name>.<property>,"
                    + " property one of " + String.join(", ", PROPERTIES));
            return;
        }
        String name = m.group(1);
        String property = m.group(2);
        try {
            Rule.checkName(name);
        } catch (IllegalArgumentException e) {
            problems.add(at(number) + key + ": " + e.getMessage());
            return;
        }
        if (!PROPERTIES.contains(property)) {
            problems.add(at(number) + "unknown key '" + key + "'; a rule accepts " + String.join(", ", PROPERTIES));
            return;
        }
        Map<String, Entry> rule = rules.computeIfAbsent(name, n -> new LinkedHashMap<>());
        Entry earlier = rule.get(property);
        if (earlier != null) {
            problems.add(at(number) + key + ": set twice (first on line " + earlier.line() + ")");
            return;
        }
        rule.put(property, new Entry(key, value, number));
    }

    // A '#' after whitespace starts a comment; names and values never contain " #".
    private static String stripComment(String value) {
        Matcher m = Pattern.compile("\\s[#!]").matcher(value);
        return m.find() ? value.substring(0, m.start()) : value;
    }

    private List<Rule> buildRules() {
        List<Rule> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Entry>> e : rules.entrySet()) {
            Rule rule = buildRule(e.getKey(), e.getValue());
            if (rule != null) {
                out.add(rule);
            }
        }
        return out;
    }

    private Rule buildRule(String name, Map<String, Entry> props) {
        int before = problems.size();
        String metric = required(name, props, "metric", "the metric to watch, one of "
                + String.join(", ", MetricNames.ALL));
        Double above = null;
        if (metric != null && !MetricNames.isKnown(metric)) {
            problem(props.get("metric"), "unknown metric '" + metric + "'; expected one of "
                    + String.join(", ", MetricNames.ALL));
            metric = null;
        }
        String aboveText = required(name, props, "above", "the threshold the metric must exceed");
        if (aboveText != null) {
            above = threshold(props.get("above"), metric, "threshold");
        }
        Double release = props.containsKey("release") ? threshold(props.get("release"), metric, "release")
                : above != null ? above * DEFAULT_RELEASE_FRACTION : null;
        Duration hold = duration(props.get("hold"), DEFAULT_HOLD);
        Duration cooldown = duration(props.get("cooldown"), DEFAULT_COOLDOWN);
        Duration restoreAfter = duration(props.get("restore-after"), DEFAULT_RESTORE_AFTER);
        List<ActionSpec> actions = actions(name, props);
        boolean enabled = enabled(props.get("enabled"));
        if (problems.size() > before || metric == null || above == null || release == null || actions == null) {
            return null;
        }
        try {
            return new Rule(name, metric, above, release, hold, cooldown, restoreAfter, actions, enabled);
        } catch (IllegalArgumentException e) {
            Entry where = props.getOrDefault("release", props.get("cooldown"));
            if (where == null) {
                where = props.get("above");
            }
            problem(where, e.getMessage());
            return null;
        }
    }

    private String required(String rule, Map<String, Entry> props, String property, String what) {
        Entry e = props.get(property);
        if (e == null || e.value().isEmpty()) {
            problems.add(source + ": rule '" + rule + "': missing rule." + rule + "." + property + " (" + what + ")");
            return null;
        }
        return e.value();
    }

    private Double threshold(Entry e, String metric, String what) {
        if (!NUMBER.matcher(e.value()).matches()) {
            problem(e, "'" + e.value() + "' is not a number; expected a decimal number such as 80 or 72.5");
            return null;
        }
        double v = Double.parseDouble(e.value());
        if (metric != null) {
            try {
                Rule.checkThreshold(metric, what, v);
            } catch (IllegalArgumentException ex) {
                problem(e, ex.getMessage());
                return null;
            }
        }
        return v;
    }

    private Duration duration(Entry e, Duration fallback) {
        if (e == null) {
            return fallback;
        }
        Duration d = DurationText.parseOrNull(e.value());
        if (d == null) {
            problem(e, "'" + e.value() + "' is not a duration; expected " + DurationText.ACCEPTED);
            return fallback;
        }
        return d;
    }

    private List<ActionSpec> actions(String rule, Map<String, Entry> props) {
        String text = required(rule, props, "actions", "candidate actions in order of preference, among "
                + ActionVerb.accepted());
        if (text == null) {
            return null;
        }
        try {
            return ActionSpec.parseList(text);
        } catch (IllegalArgumentException ex) {
            problem(props.get("actions"), ex.getMessage());
            return null;
        }
    }

    private boolean enabled(Entry e) {
        if (e == null || e.value().equalsIgnoreCase("true")) {
            return true;
        }
        if (!e.value().equalsIgnoreCase("false")) {
            problem(e, "'" + e.value() + "' is not a boolean; expected true or false");
        }
        return false;
    }

    private void problem(Entry e, String message) {
        problems.add(at(e.line()) + e.key() + ": " + message);
    }

    private String at(int line) {
        return source + ":" + line + ": ";
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        } else if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        } else if (e instanceof java.nio.charset.MalformedInputException) {
            return "not UTF-8 text";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
