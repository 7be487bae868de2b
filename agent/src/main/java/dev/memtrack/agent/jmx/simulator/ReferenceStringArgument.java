package dev.memtrack.agent.jmx.simulator;

import dev.memtrack.mbeans.PagingSimulatorMXBean;
import dev.memtrack.simulator.paging.MalformedReferenceException;
import dev.memtrack.simulator.paging.ReferenceString;

/**
 * Reads a reference string sent by a client, refusing it before parsing when it holds more than
 * {@link PagingSimulatorMXBean#MAX_REFERENCES} references or an overlong reference: the parsed form
 * takes 8 bytes per reference of the host's heap, so its size must be known first.
 */
final class ReferenceStringArgument {

    /** Longest single reference ({@code page} or {@code process:page}) accepted. */
    static final int MAX_REFERENCE_CHARS = 64;

    static final String ACCEPTED =
            "page numbers >= 0 (or process:page) separated by commas or spaces, e.g. 7,0,1,2,0,3";

    private ReferenceStringArgument() {
    }

    /**
     * @throws IllegalArgumentException for an empty or too long string, or a malformed reference
     *                                  (named with its 1-based position)
     */
    static ReferenceString parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("reference string " + Arguments.quote(text) + " is empty: expected "
                    + ACCEPTED);
        }
        long references = 0;
        int tokenStart = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean separator = i == text.length() || text.charAt(i) == ',' || Character.isWhitespace(text.charAt(i));
            if (!separator && tokenStart < 0) {
                tokenStart = i;
                references++;
                if (references > PagingSimulatorMXBean.MAX_REFERENCES) {
                    throw new IllegalArgumentException("reference string has more than "
                            + PagingSimulatorMXBean.MAX_REFERENCES + " references: at most "
                            + PagingSimulatorMXBean.MAX_REFERENCES + " are accepted");
                }
            } else if (separator && tokenStart >= 0) {
                if (i - tokenStart > MAX_REFERENCE_CHARS) {
                    throw new IllegalArgumentException("malformed reference "
                            + Arguments.quote(text.substring(tokenStart, i)) + " at position " + references
                            + ": a reference is at most " + MAX_REFERENCE_CHARS + " characters (page or process:page)");
                }
                tokenStart = -1;
            }
        }
        try {
            return ReferenceString.parse(text);
        } catch (MalformedReferenceException e) {
            // The message names the bad reference and its position. Rethrown as a JDK type: a remote JMX
            // client (JConsole) cannot deserialize the library's own exception class.
            throw new IllegalArgumentException(e.getMessage());
        }
    }
}
