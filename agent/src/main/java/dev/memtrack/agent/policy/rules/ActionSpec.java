package dev.memtrack.agent.policy.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One candidate action of a rule, as written in a rules file: a verb, and for the verbs that change
 * workload programs, which programs ({@code reduce-parallelism(background)}). Without a selector a
 * program verb means {@code non-critical}.
 *
 * @param verb     what to do
 * @param programs which programs, for {@link ActionVerb#takesPrograms()} verbs; {@code null} otherwise
 */
public record ActionSpec(ActionVerb verb, ProgramSelector programs) {

    public ActionSpec {
        Objects.requireNonNull(verb, "verb");
        if (verb.takesPrograms() && programs == null) {
            programs = ProgramSelector.NON_CRITICAL;
        }
        if (!verb.takesPrograms() && programs != null) {
            throw new IllegalArgumentException(verb.text() + " takes no programs");
        }
    }

    /**
     * Parses a comma-separated list such as {@code reduce-parallelism(background), stop-stress}.
     *
     * @throws IllegalArgumentException naming the bad action and what is accepted
     */
    public static List<ActionSpec> parseList(String text) {
        List<ActionSpec> out = new ArrayList<>();
        for (String item : text.split(",")) {
            if (!item.isBlank()) {
                out.add(parse(item.trim()));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no action given; expected one or more of " + ActionVerb.accepted()
                    + ", separated by commas");
        }
        return List.copyOf(out);
    }

    /** Parses one action, e.g. {@code pause(workload:batch)} or {@code stop-stress}. */
    public static ActionSpec parse(String text) {
        String t = text.trim();
        int open = t.indexOf('(');
        String verbText = open < 0 ? t : t.substring(0, open).trim();
        ActionVerb verb = ActionVerb.fromText(verbText);
        if (verb == null) {
            throw new IllegalArgumentException("unknown action '" + t + "'; expected " + ActionVerb.accepted());
        }
        if (open < 0) {
            return new ActionSpec(verb, null);
        }
        if (!t.endsWith(")")) {
            throw new IllegalArgumentException("action '" + t + "' lacks its closing parenthesis");
        }
        String argument = t.substring(open + 1, t.length() - 1);
        if (!verb.takesPrograms()) {
            throw new IllegalArgumentException("action '" + t + "': " + verb.text() + " takes no argument");
        }
        return new ActionSpec(verb, ProgramSelector.parse(argument));
    }

    @Override
    public String toString() {
        return programs == null ? verb.text() : verb.text() + "(" + programs + ")";
    }
}
