package dev.memtrack.agent.config;

import java.util.regex.Pattern;

/**
 * The written form of {@code policy.processes}, checked when the configuration is read so that a bad
 * value turns off the policy (or, with {@code failFast}, the agent) before anything starts. The policy
 * turns the checked text into process selectors ({@code PolicySettings.parseProcesses}).
 */
final class ProcessList {

    /** What one entry may be: a positive pid, or a name pattern with at least one character that is not a digit. */
    private static final String ENTRY = "(?:0*[1-9][0-9]{0,17}|[A-Za-z0-9._+*?-]*[A-Za-z._+*?-][A-Za-z0-9._+*?-]*)";

    /** Entries separated by {@code ;} (or {@code ,}); blank entries are ignored. */
    static final Pattern FORM = Pattern.compile("[\\s;,]*" + ENTRY + "(?:\\s*[;,][\\s;,]*" + ENTRY + ")*[\\s;,]*");

    static final String ACCEPTED = "pids and process name patterns (letters, digits and . _ - + * ?) separated by ';' "
            + "such as 1234;postgres;ffmpeg*";

    private ProcessList() {
    }
}
