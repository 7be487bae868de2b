package dev.memtrack.agent.jolokia;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses a request that carries a control character other than tab, line feed and carriage return.
 * No memtrack value needs one, and Jolokia 2.6 echoes some of them (U+000B, U+000E, U+000F, U+001A to
 * U+001F) in its answer as malformed JSON escapes (a "greater than" sign as the last hex digit), which no
 * client can parse.
 */
final class ControlCharacters {

    private ControlCharacters() {
    }

    /** The refusal for the first such character in a parsed JSON body or the decoded texts of a URI, if any. */
    static Optional<ErrorReply> refusal(Object request) {
        return first(request).map(text -> ErrorReply.badRequest(String.format(
                "the value %s contains the control character U+%04X, which is not accepted; values are text "
                        + "without control characters (tab, line feed and carriage return excepted)",
                ConversionExplainer.shown(text), (int) text.chars().filter(ControlCharacters::refused).findFirst()
                        .orElse(0))));
    }

    private static boolean refused(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
    }

    /** The first text (a string value, a key or a path) with a refused character. */
    private static Optional<String> first(Object value) {
        if (value instanceof CharSequence text) {
            return text.chars().anyMatch(ControlCharacters::refused) ? Optional.of(text.toString()) : Optional.empty();
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Optional<String> found = first(e.getKey()).or(() -> first(e.getValue()));
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (value instanceof Collection<?> values) {
            for (Object v : values) {
                Optional<String> found = first(v);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
