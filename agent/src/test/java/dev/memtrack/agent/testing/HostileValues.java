package dev.memtrack.agent.testing;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Random and hostile values for a parameter of a given Java type, as JSON values (numbers, strings,
 * booleans, null, objects, arrays): negative, zero and huge numbers, NaN and infinities, empty and
 * 100 000-character strings, malformed reference strings, unknown enum names, control and other unicode
 * characters, and values of the wrong JSON type. The catalogue serves QuickTheories generators and plain
 * random picks (for concurrent callers) alike.
 */
public final class HostileValues {

    /** The longest string sent: 100 000 characters. */
    public static final int LONG_STRING = 100_000;

    static final List<Object> NUMBERS = List.of(0, -1, 1, 2, 3, 7, 64, 4096, 4097, 102400, 102401, 10_000_000,
            Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, new BigInteger("9223372036854775808"),
            new BigInteger("-99999999999999999999999999"), 0.5, -0.0, 1e-300, 1e308, -1e308, new BigDecimal("1e400"),
            2.5e3, 99.99, 100.0, 100.01, "NaN", "Infinity", "-Infinity", "1e3", "0x10", " 7 ", "-0", "07", "1_000",
            "\u0661\u0662");
    static final List<Object> STRINGS = List.of("", " ", "x".repeat(LONG_STRING), "1,".repeat(LONG_STRING / 2),
            "A:1 B:2 ".repeat(LONG_STRING / 8), "7,0,1,2,0,3,0,4,2,3,0,3,2,1,2,0,1,7,0,1", "1,,2", ",", ", ,", "A:", ":1",
            "A:-1", "P:1:2", "-1", "99999999999999999999", "1 2 x", "1\t2\n3", "LRU", "lru", "BELADY", "OPT", "FIFO",
            "CLOCK", "RANDOM", "FIRST_FIT", "first_fit", "NEXT_FIT", "BUDDY", "STEADY", "RAMP", "SPIKE", "SAWTOOTH",
            "WAVE", "ENFORCE", "OFF", "ADVISORY", "SOMETIMES", "enforce", "CRITICAL", "NORMAL", "BACKGROUND", "EXACT",
            "SAMPLED", "cpu", "heap", "swap", "overload", "nope", "workload:batch-job", "workload:request-handler",
            "workload:", "workload:nope", "process:1", "process:-1", "process:abc", "simulator:stress",
            "agent:sampling", "P1/code", "P1/", "/code", "a/b/c", "x".repeat(129), "../../etc/passwd", "\u0000",
            "\u0007bell", "tab\there", "line\nbreak", "\r\n", "\u202Eright-to-left", "emoji \uD83D\uDE00", "\u00fc",
            "\u540D\u524D", "\uFFFF", "${jndi:ldap://127.0.0.1:1/x}", "<script>alert(1)</script>", "%s%n%d",
            "'; DROP TABLE x;--", "\\", "\"", "!/", "{}", "[]", "null", "true", "0");
    static final List<Object> BOOLEANS = List.of(true, false, "true", "false", "TRUE", "yes", "1", "");
    static final List<Object> WRONG_JSON = Arrays.asList(null, Map.of("a", 1), List.of(1, 2), List.of(),
            Map.of(), Map.of("type", "exec"), true);

    private HostileValues() {
    }

    /** A QuickTheories generator of values for a parameter of {@code type}. */
    public static Gen<Object> forType(String type) {
        return switch (kind(type)) {
            case INTEGER -> Generate.frequency(List.of(
                    Pair.of(6, pick(NUMBERS)),
                    Pair.of(3, integers().between(-5, 5000).map(i -> (Object) i)),
                    Pair.of(2, longs().all().map(l -> (Object) l)),
                    Pair.of(2, pick(STRINGS)),
                    Pair.of(1, pick(WRONG_JSON))));
            case DECIMAL -> Generate.frequency(List.of(
                    Pair.of(6, pick(NUMBERS)),
                    Pair.of(2, integers().between(-200, 200).map(i -> (Object) (i / 2.0))),
                    Pair.of(2, integers().between(-200, 200).map(i -> (Object) Integer.toString(i))),
                    Pair.of(2, pick(STRINGS)),
                    Pair.of(1, pick(WRONG_JSON))));
            case BOOLEAN -> Generate.frequency(List.of(
                    Pair.of(4, pick(BOOLEANS)),
                    Pair.of(1, pick(NUMBERS)),
                    Pair.of(1, pick(WRONG_JSON))));
            case STRING -> Generate.frequency(List.of(
                    Pair.of(8, pick(STRINGS)),
                    Pair.of(3, strings().allPossible().ofLengthBetween(0, 12).map(s -> (Object) s)),
                    Pair.of(2, strings().numeric().map(s -> (Object) s)),
                    Pair.of(1, pick(NUMBERS)),
                    Pair.of(1, pick(WRONG_JSON))));
            case OTHER -> Generate.oneOf(pick(WRONG_JSON), pick(STRINGS), pick(NUMBERS));
        };
    }

    /** A random value for a parameter of {@code type}, for callers outside QuickTheories. */
    public static Object pick(String type, Random random) {
        List<Object> pool = switch (kind(type)) {
            case INTEGER, DECIMAL -> random.nextInt(4) == 0 ? STRINGS : NUMBERS;
            case BOOLEAN -> BOOLEANS;
            case STRING -> random.nextInt(6) == 0 ? NUMBERS : STRINGS;
            case OTHER -> WRONG_JSON;
        };
        return random.nextInt(20) == 0 ? WRONG_JSON.get(random.nextInt(WRONG_JSON.size()))
                : pool.get(random.nextInt(pool.size()));
    }

    private enum Kind { INTEGER, DECIMAL, BOOLEAN, STRING, OTHER }

    private static Kind kind(String type) {
        return switch (type) {
            case "int", "long", "short", "byte", "java.lang.Integer", "java.lang.Long", "java.lang.Short",
                 "java.lang.Byte" -> Kind.INTEGER;
            case "double", "float", "java.lang.Double", "java.lang.Float" -> Kind.DECIMAL;
            case "boolean", "java.lang.Boolean" -> Kind.BOOLEAN;
            case "java.lang.String" -> Kind.STRING;
            default -> Kind.OTHER;
        };
    }

    private static Gen<Object> pick(List<Object> values) {
        List<Object> copy = new ArrayList<>(values);
        return Generate.pickWithNoShrinkPoint(copy);
    }
}
