package dev.memtrack.agent.policy.rules;

import java.util.List;

/** A rules file that cannot be used; the message lists every problem with its line and key. */
public final class RulesFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public RulesFileException(String source, List<String> problems) {
        super("Policy rules in " + source + " are invalid:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public RulesFileException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of(message);
    }

    /** Each problem on its own, e.g. {@code rules.properties:7: rule.cpu.hold: ...}. */
    public List<String> problems() {
        return problems;
    }
}
