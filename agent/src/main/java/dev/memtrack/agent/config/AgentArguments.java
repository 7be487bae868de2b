package dev.memtrack.agent.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the agent argument string {@code k=v,k=v} into pairs. A comma-separated segment without
 * {@code =} continues the previous value, so {@code alloc.include=com.a.*,com.b.*} keeps both
 * patterns in one value. Empty segments are ignored.
 */
final class AgentArguments {

    record Pair(String key, String value) {
    }

    private AgentArguments() {
    }

    /** @param syntaxProblems receives a message for each segment that is not key=value */
    static List<Pair> split(String arguments, List<String> syntaxProblems) {
        List<Pair> pairs = new ArrayList<>();
        if (arguments == null || arguments.isBlank()) {
            return pairs;
        }
        for (String segment : arguments.split(",")) {
            if (segment.isBlank()) {
                continue;
            }
            int eq = segment.indexOf('=');
            if (eq > 0) {
                pairs.add(new Pair(segment.substring(0, eq).trim(), segment.substring(eq + 1)));
            } else if (eq < 0 && !pairs.isEmpty()) {
                Pair last = pairs.remove(pairs.size() - 1);
                pairs.add(new Pair(last.key(), last.value() + "," + segment));
            } else {
                syntaxProblems.add("agent argument '" + segment.trim() + "' is not key=value; write "
                        + "-javaagent:memtrack-agent.jar=key=value,key=value");
            }
        }
        return pairs;
    }
}
