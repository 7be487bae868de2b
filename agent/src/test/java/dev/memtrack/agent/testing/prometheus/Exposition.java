package dev.memtrack.agent.testing.prometheus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Prometheus text exposition (format 0.0.4, what {@code /metrics} serves without an OpenMetrics
 * Accept header), parsed into families with their HELP, TYPE and samples.
 */
public final class Exposition {

    /** One sample line: {@code name{label="value",...} 1.5}. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    /** The samples under one {@code # TYPE} line. */
    public record Family(String name, String type, String help, List<Sample> samples) {
    }

    private final Map<String, Family> families;

    private Exposition(Map<String, Family> families) {
        this.families = families;
    }

    public Map<String, Family> families() {
        return families;
    }

    public static Exposition parse(String text) {
        Map<String, String> help = new LinkedHashMap<>();
        Map<String, String> type = new LinkedHashMap<>();
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("# HELP ")) {
                String rest = line.substring(7);
                int space = rest.indexOf(' ');
                help.put(space < 0 ? rest : rest.substring(0, space), space < 0 ? "" : unescapeHelp(rest.substring(space + 1)));
            } else if (line.startsWith("# TYPE ")) {
                String[] parts = line.substring(7).split(" ");
                type.put(parts[0], parts[1]);
                samples.putIfAbsent(parts[0], new ArrayList<>());
            } else if (!line.startsWith("#")) {
                Sample s = sample(line);
                samples.computeIfAbsent(familyOf(s.name(), type), k -> new ArrayList<>()).add(s);
            }
        }
        Map<String, Family> families = new LinkedHashMap<>();
        samples.forEach((name, list) -> families.put(name,
                new Family(name, type.getOrDefault(name, "untyped"), help.getOrDefault(name, ""), List.copyOf(list))));
        return new Exposition(families);
    }

    /** The family a sample belongs to: its own name, or that name less a summary or histogram suffix. */
    private static String familyOf(String sampleName, Map<String, String> types) {
        if (types.containsKey(sampleName)) {
            return sampleName;
        }
        for (String suffix : List.of("_total", "_count", "_sum", "_bucket", "_created", "_info")) {
            if (sampleName.endsWith(suffix)) {
                String base = sampleName.substring(0, sampleName.length() - suffix.length());
                if (types.containsKey(base)) {
                    return base;
                }
            }
        }
        return sampleName;
    }

    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space = line.lastIndexOf(' ');
        String name;
        Map<String, String> labels = new LinkedHashMap<>();
        if (brace >= 0 && brace < space) {
            name = line.substring(0, brace);
            int end = labels(line, brace + 1, labels);
            space = line.indexOf(' ', end);
        } else {
            name = line.substring(0, line.indexOf(' '));
            space = name.length();
        }
        String value = line.substring(space + 1).trim().split(" ")[0];
        return new Sample(name, labels, parseValue(value));
    }

    /** Parses {@code a="x",b="y"} from {@code start}; returns the index after the closing brace. */
    private static int labels(String line, int start, Map<String, String> into) {
        int i = start;
        while (line.charAt(i) != '}') {
            int eq = line.indexOf('=', i);
            String label = line.substring(i, eq).trim();
            StringBuilder value = new StringBuilder();
            int j = eq + 2; // after ="
            while (line.charAt(j) != '"') {
                char c = line.charAt(j);
                if (c == '\\') {
                    char next = line.charAt(++j);
                    value.append(next == 'n' ? '\n' : next);
                } else {
                    value.append(c);
                }
                j++;
            }
            into.put(label, value.toString());
            i = j + 1;
            if (line.charAt(i) == ',') {
                i++;
            }
        }
        return i + 1;
    }

    private static double parseValue(String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    private static String unescapeHelp(String text) {
        return text.replace("\\n", "\n").replace("\\\\", "\\");
    }
}
