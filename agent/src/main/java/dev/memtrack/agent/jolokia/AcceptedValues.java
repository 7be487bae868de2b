package dev.memtrack.agent.jolokia;

import javax.management.openmbean.OpenType;

/**
 * What Jolokia turns into a value of a parameter or attribute type, in words, for messages such as
 * {@code "abc" is not accepted for int: expected an integer from -2147483648 to 2147483647, as a JSON
 * number or a string}. The rules are Jolokia 2.6's: a string is parsed for any simple type, a JSON
 * number must fit the type, and a JSON integer is not converted to a floating-point type.
 */
final class AcceptedValues {

    private AcceptedValues() {
    }

    /** {@code int}, {@code long}, {@code String}, {@code String[]}: the type as a Java programmer writes it. */
    static String typeName(String className) {
        if (className.startsWith("[")) {
            return arrayTypeName(className);
        }
        return className.startsWith("java.lang.") ? className.substring("java.lang.".length()) : className;
    }

    static String describe(String className, OpenType<?> openType) {
        return switch (className) {
            case "byte", "java.lang.Byte" -> integer(Byte.MIN_VALUE, Byte.MAX_VALUE);
            case "short", "java.lang.Short" -> integer(Short.MIN_VALUE, Short.MAX_VALUE);
            case "int", "java.lang.Integer" -> integer(Integer.MIN_VALUE, Integer.MAX_VALUE);
            case "long", "java.lang.Long" -> integer(Long.MIN_VALUE, Long.MAX_VALUE);
            case "float", "java.lang.Float", "double", "java.lang.Double" -> "a number: a JSON number with a "
                    + "decimal point or an exponent (5.0, 2.5e3) or a string (\"5\", \"NaN\"); Jolokia does not "
                    + "convert a JSON integer such as 5 to " + typeName(className);
            case "boolean", "java.lang.Boolean" -> "true or false";
            case "char", "java.lang.Character" -> "a string of one character";
            case "java.lang.String" -> "a JSON string";
            default -> openType != null ? "a JSON value of the open type " + openType.getTypeName()
                    : "a JSON value Jolokia can convert to " + typeName(className);
        };
    }

    private static String integer(long min, long max) {
        return "an integer from " + min + " to " + max + ", as a JSON number or a string";
    }

    private static String arrayTypeName(String descriptor) {
        int dimensions = 0;
        while (dimensions < descriptor.length() && descriptor.charAt(dimensions) == '[') {
            dimensions++;
        }
        String element = switch (descriptor.substring(dimensions)) {
            case "Z" -> "boolean";
            case "B" -> "byte";
            case "C" -> "char";
            case "S" -> "short";
            case "I" -> "int";
            case "J" -> "long";
            case "F" -> "float";
            case "D" -> "double";
            default -> typeName(descriptor.substring(dimensions + 1, descriptor.length() - 1));
        };
        return element + "[]".repeat(dimensions);
    }
}
