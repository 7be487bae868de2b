package dev.memtrack.agent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the text of one configuration value is read and written back. {@link #parse} throws an
 * {@link IllegalArgumentException} whose message says what is accepted; the caller adds key and value.
 *
 * <p>Immutable and thread-safe.
 */
public abstract class ValueType {

    private final String accepted;

    private ValueType(String accepted) {
        this.accepted = accepted;
    }

    /** What this type accepts, for messages and the README, e.g. "an integer from 0 to 65535". */
    public final String accepted() {
        return accepted;
    }

    /** Reads a value; throws {@link IllegalArgumentException} with {@link #accepted()} if it is not one. */
    public abstract Object parse(String text);

    /** Writes a parsed value back in the form the user would type it. */
    public String format(Object value) {
        return String.valueOf(value);
    }

    final IllegalArgumentException rejected() {
        return new IllegalArgumentException("expected " + accepted);
    }

    /** {@code true} or {@code false}, any case. */
    public static ValueType bool() {
        return new ValueType("true or false") {
            @Override
            public Object parse(String text) {
                String t = text.trim().toLowerCase(Locale.ROOT);
                if (t.equals("true") || t.equals("false")) {
                    return Boolean.valueOf(t);
                }
                throw rejected();
            }
        };
    }

    /** A decimal integer within [min, max]. */
    public static ValueType integer(int min, int max) {
        return new ValueType("an integer from " + min + " to " + max) {
            @Override
            public Object parse(String text) {
                try {
                    int v = Integer.parseInt(text.trim());
                    if (v >= min && v <= max) {
                        return v;
                    }
                } catch (NumberFormatException notANumber) {
                    // rejected below
                }
                throw rejected();
            }
        };
    }

    /** A decimal integer of 64 bits. */
    public static ValueType longInteger() {
        return new ValueType("an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE) {
            @Override
            public Object parse(String text) {
                try {
                    return Long.parseLong(text.trim());
                } catch (NumberFormatException notANumber) {
                    throw rejected();
                }
            }
        };
    }

    /** A constant of {@code type}, by name in any case; parsed to the constant, written as its name. */
    public static <E extends Enum<E>> ValueType enumeration(Class<E> type) {
        E[] constants = type.getEnumConstants();
        StringBuilder names = new StringBuilder();
        for (E e : constants) {
            names.append(names.length() == 0 ? "" : ", ").append(e.name());
        }
        return new ValueType("one of " + names + " (any case)") {
            @Override
            public Object parse(String text) {
                String t = text.trim().toUpperCase(Locale.ROOT);
                for (E e : constants) {
                    if (e.name().equals(t)) {
                        return e;
                    }
                }
                throw rejected();
            }

            @Override
            public String format(Object value) {
                return ((Enum<?>) value).name();
            }
        };
    }

    /** Text that matches {@code form} as a whole (after trimming); parsed to the trimmed text. */
    public static ValueType matching(Pattern form, String accepted) {
        return new ValueType(accepted) {
            @Override
            public Object parse(String text) {
                String t = text.trim();
                if (form.matcher(t).matches()) {
                    return t;
                }
                throw rejected();
            }
        };
    }

    /** One of a fixed set of words, any case; parsed to its lower-case form. */
    public static ValueType choice(String... words) {
        List<String> allowed = List.of(words);
        return new ValueType("one of " + String.join(", ", allowed)) {
            @Override
            public Object parse(String text) {
                String t = text.trim().toLowerCase(Locale.ROOT);
                if (allowed.contains(t)) {
                    return t;
                }
                throw rejected();
            }
        };
    }

    /** Any text. (A blank value never reaches a type: it means "not set".) */
    public static ValueType text(String accepted) {
        return new ValueType(accepted) {
            @Override
            public Object parse(String text) {
                return text.trim();
            }
        };
    }

    /**
     * Comma-separated class patterns, parsed to a list: {@code *} (every class), {@code com.acme.*}
     * (a package and its subpackages), {@code com.acme.Foo*} (a name prefix), {@code com.acme.Main}
     * (one class and its nested classes). Blank entries are skipped.
     */
    public static ValueType classPatterns() {
        return new ValueType("comma-separated class patterns: com.acme.* (a package and its subpackages), "
                + "com.acme.Foo* (a name prefix), com.acme.Main (a class) or * (every class)") {
            @Override
            public Object parse(String text) {
                List<String> patterns = new ArrayList<>();
                for (String part : text.split(",")) {
                    String p = part.trim();
                    if (!p.isEmpty()) {
                        if (!isClassPattern(p)) {
                            throw new IllegalArgumentException("'" + p + "' is not a class pattern; expected "
                                    + accepted());
                        }
                        patterns.add(p);
                    }
                }
                return List.copyOf(patterns);
            }

            @Override
            public String format(Object value) {
                StringBuilder text = new StringBuilder();
                for (Object pattern : (List<?>) value) {
                    text.append(text.length() == 0 ? "" : ",").append(pattern);
                }
                return text.toString();
            }
        };
    }

    /** Whether {@code pattern} is one class pattern as {@link #classPatterns()} accepts it. */
    public static boolean isClassPattern(String pattern) {
        return pattern != null && ClassPatternSyntax.FORM.matcher(pattern).matches();
    }

    /** Compiled on first use, not when the configuration is read on the premain thread. */
    private static final class ClassPatternSyntax {
        static final Pattern FORM = Pattern.compile("\\*|(\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)"
                + "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*(\\.\\*|\\*)?");
    }

    /** A file path. Parsing does not touch the file system. */
    public static ValueType path(String accepted) {
        return new ValueType(accepted) {
            @Override
            public Object parse(String text) {
                try {
                    return Path.of(text.trim());
                } catch (RuntimeException e) {
                    throw rejected();
                }
            }
        };
    }

    /**
     * A duration within [min, max]: a number of milliseconds, or a number with the unit {@code ms},
     * {@code s} or {@code m} ({@code 500ms}, {@code 2s}, {@code 1m}, {@code 1500}).
     */
    public static ValueType duration(Duration min, Duration max) {
        return new ValueType("a duration from " + formatDuration(min) + " to " + formatDuration(max)
                + " such as 500ms, 2s, 1m or plain milliseconds") {
            private final Pattern form = Pattern.compile("(\\d{1,12})\\s*(ms|s|m)?");

            @Override
            public Object parse(String text) {
                Matcher m = form.matcher(text.trim().toLowerCase(Locale.ROOT));
                if (m.matches()) {
                    long n = Long.parseLong(m.group(1));
                    String unit = m.group(2) == null ? "ms" : m.group(2);
                    Duration d = switch (unit) {
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        default -> Duration.ofMillis(n);
                    };
                    if (d.compareTo(min) >= 0 && d.compareTo(max) <= 0) {
                        return d;
                    }
                }
                throw rejected();
            }

            @Override
            public String format(Object value) {
                return formatDuration((Duration) value);
            }
        };
    }

    /**
     * A size in bytes within [min, max]: plain bytes, or a number with a binary unit {@code k}/{@code KiB},
     * {@code m}/{@code MiB}, {@code g}/{@code GiB} ({@code 10MiB}, {@code 512k}, {@code 1048576}).
     */
    public static ValueType size(long min, long max) {
        return new ValueType("a size from " + formatSize(min) + " to " + formatSize(max)
                + " such as 10MiB, 512KiB or plain bytes") {
            private final Pattern form = Pattern.compile("(\\d{1,15})\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?");

            @Override
            public Object parse(String text) {
                Matcher m = form.matcher(text.trim().toLowerCase(Locale.ROOT));
                if (m.matches()) {
                    long n = Long.parseLong(m.group(1));
                    String unit = m.group(2) == null ? "b" : m.group(2);
                    int shift = switch (unit.charAt(0)) {
                        case 'k' -> 10;
                        case 'm' -> 20;
                        case 'g' -> 30;
                        default -> 0;
                    };
                    if (n <= (Long.MAX_VALUE >> shift)) {
                        long bytes = n << shift;
                        if (bytes >= min && bytes <= max) {
                            return bytes;
                        }
                    }
                }
                throw rejected();
            }

            @Override
            public String format(Object value) {
                return formatSize((Long) value);
            }
        };
    }

    static String formatDuration(Duration d) {
        long ms = d.toMillis();
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }

    static String formatSize(long bytes) {
        if (bytes > 0 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + "GiB";
        }
        if (bytes > 0 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + "MiB";
        }
        if (bytes > 0 && bytes % (1L << 10) == 0) {
            return (bytes >> 10) + "KiB";
        }
        return Long.toString(bytes);
    }
}
