package dev.memtrack.agent.alloc.site;

/** Turns JVM names into type names as Java writes them: {@code int[]}, {@code java.lang.String[][]}. */
public final class TypeNames {

    private TypeNames() {
    }

    /** From an internal name ({@code java/lang/String}) or an array descriptor ({@code [[I}). */
    public static String fromInternalName(String internalName) {
        return internalName.startsWith("[") ? fromDescriptor(internalName) : internalName.replace('/', '.');
    }

    /** From a field descriptor: {@code I}, {@code Ljava/lang/String;}, {@code [[J}. */
    public static String fromDescriptor(String descriptor) {
        int dims = 0;
        while (descriptor.charAt(dims) == '[') {
            dims++;
        }
        String element = switch (descriptor.charAt(dims)) {
            case 'Z' -> "boolean";
            case 'B' -> "byte";
            case 'C' -> "char";
            case 'S' -> "short";
            case 'I' -> "int";
            case 'F' -> "float";
            case 'J' -> "long";
            case 'D' -> "double";
            case 'V' -> "void";
            case 'L' -> descriptor.substring(dims + 1, descriptor.length() - 1).replace('/', '.');
            default -> throw new IllegalArgumentException("Not a type descriptor: '" + descriptor + "'");
        };
        return element + "[]".repeat(dims);
    }

    /** The name of a loaded class; hidden classes lose their unstable suffix ({@code Foo$$Lambda/0x0001} → {@code Foo$$Lambda}). */
    public static String of(Class<?> type) {
        String name = type.getTypeName();
        int slash = name.indexOf('/');
        if (slash < 0) {
            return name;
        }
        int brackets = name.indexOf('[', slash);
        return name.substring(0, slash) + (brackets < 0 ? "" : name.substring(brackets));
    }
}
