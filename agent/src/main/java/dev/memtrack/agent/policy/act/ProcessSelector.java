package dev.memtrack.agent.policy.act;

import java.util.regex.Pattern;

/**
 * One entry of {@code policy.processes}: an OS process the policy may renice, named by pid or by a
 * name pattern ({@code *} any characters, {@code ?} one character) matched against the process name
 * as {@code ps} shows it and against the file name of its executable.
 */
public sealed interface ProcessSelector permits ProcessSelector.Pid, ProcessSelector.NamePattern {

    /** What one entry may look like, for error messages. */
    String ACCEPTED = "a pid (positive number) or a process name pattern of letters, digits, . _ - + * ?";

    /**
     * @throws IllegalArgumentException naming the entry and what is accepted
     */
    static ProcessSelector parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty process entry; expected " + ACCEPTED);
        }
        if (t.chars().allMatch(Character::isDigit)) {
            long pid;
            try {
                pid = Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("pid '" + t + "' is too large; expected " + ACCEPTED);
            }
            if (pid <= 0) {
                throw new IllegalArgumentException("pid '" + t + "' must be positive; expected " + ACCEPTED);
            }
            return new Pid(pid);
        }
        if (!t.matches("[A-Za-z0-9._+*?-]+")) {
            throw new IllegalArgumentException("process entry '" + t + "' is neither a pid nor a name pattern; expected "
                    + ACCEPTED);
        }
        return new NamePattern(t);
    }

    /** A process named by its id. */
    record Pid(long pid) implements ProcessSelector {
        @Override
        public String toString() {
            return Long.toString(pid);
        }
    }

    /** Processes whose name matches a glob pattern. */
    record NamePattern(String glob) implements ProcessSelector {

        public boolean matches(String processName) {
            return processName != null && regex().matcher(processName).matches();
        }

        private Pattern regex() {
            StringBuilder re = new StringBuilder();
            for (char c : glob.toCharArray()) {
                switch (c) {
                    case '*' -> re.append(".*");
                    case '?' -> re.append('.');
                    default -> re.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return Pattern.compile(re.toString());
        }

        @Override
        public String toString() {
            return glob;
        }
    }
}
