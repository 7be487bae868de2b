package dev.memtrack.agent.policy;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in settings and rules files: a whole number followed by a unit,
 * {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}. A bare number is refused because its unit
 * would be a guess.
 */
public final class DurationText {

    /** What the parser accepts, for error messages. */
    public static final String ACCEPTED = "a whole number followed by ms, s, m or h (e.g. 500ms, 5s, 2m)";

    private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");

    private DurationText() {
    }

    /**
     * @return the duration, or {@code null} if {@code text} is not of the accepted form
     */
    public static Duration parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    /** The shortest exact spelling, e.g. {@code 1500ms}, {@code 5s}, {@code 2m}. */
    public static String format(Duration d) {
        long millis = d.toMillis();
        if (millis % 3_600_000 == 0 && millis > 0) {
            return millis / 3_600_000 + "h";
        } else if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + "m";
        } else if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }
}
