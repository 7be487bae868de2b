package dev.memtrack.mbeans;

import java.util.regex.Pattern;

/**
 * Makes a refusal's message safe to show wherever it goes (a JMX console, a JSON answer, a log line):
 * one line, and values named rather than echoed. A refusal quotes the value it refuses
 * ({@code 'value'}); a client may have sent 100 000 characters, or a newline, or a right-to-left
 * override. So control and bidirectional-formatting characters are written as Java escapes (a newline
 * as backslash-n, U+202E as backslash-u202E), a quoted value longer than {@value #MAX_QUOTED} characters
 * is cut to its start with its length, and a message longer than {@value #MAX_MESSAGE} characters is cut,
 * saying so.
 *
 * <p>Stateless and thread-safe.
 */
public final class MessageText {

    /** Longest quoted value kept whole. */
    public static final int MAX_QUOTED = 40;
    /** Longest message kept whole. */
    public static final int MAX_MESSAGE = 600;
    /** A value the refusal has cut itself, as this class does: {@code 'start...' (123 characters)}. */
    private static final Pattern ALREADY_CUT = Pattern.compile("'[^']{0," + MAX_QUOTED + "}\\.\\.\\.' \\(\\d+ characters\\)");

    private MessageText() {
    }

    /** The message, one line, with long quoted values cut; {@code null} stays {@code null}. */
    public static String safe(String message) {
        if (message == null) {
            return null;
        }
        String escaped = escapeControls(message);
        String cut = cutQuotedValues(escaped);
        if (cut.length() <= MAX_MESSAGE) {
            return cut;
        }
        return cut.substring(0, MAX_MESSAGE) + "... (message cut at " + MAX_MESSAGE + " of " + cut.length()
                + " characters)";
    }

    private static String escapeControls(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029'
                            || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** {@code 'a very long value'} to {@code 'a very lo...' (123456 characters)}. */
    private static String cutQuotedValues(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), 4 * MAX_MESSAGE));
        int i = 0;
        while (i < s.length()) {
            int open = quote(s, i, true);
            int close = open < 0 ? -1 : quote(s, open + 1, false);
            if (close < 0) {
                out.append(s, i, s.length());
                break;
            }
            out.append(s, i, open + 1);
            int length = close - open - 1;
            if (length > MAX_QUOTED && !ALREADY_CUT.matcher(s).region(open, s.length()).lookingAt()) {
                out.append(s, open + 1, open + 1 + MAX_QUOTED).append("...' (").append(length).append(" characters)");
            } else {
                out.append(s, open + 1, close + 1);
            }
            i = close + 1;
        }
        return out.toString();
    }

    /**
     * The next quote from {@code from} that can open (not after a letter or digit) or close (not before
     * one) a quoted value: the apostrophe of "JVM's" does neither.
     */
    private static int quote(String s, int from, boolean opening) {
        for (int q = s.indexOf('\'', from); q >= 0; q = s.indexOf('\'', q + 1)) {
            int neighbour = opening ? q - 1 : q + 1;
            if (neighbour < 0 || neighbour >= s.length() || !Character.isLetterOrDigit(s.charAt(neighbour))) {
                return q;
            }
        }
        return -1;
    }
}
