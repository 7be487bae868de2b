package dev.memtrack.agent.alloc.site;

/**
 * A place in the code: one line of one method of one class of one class loader.
 *
 * @param loaderId   the registry's number for the defining class loader (0 = bootstrap)
 * @param className  binary name, e.g. {@code com.acme.Outer$Inner}
 * @param methodName method name, {@code <init>} for constructors
 * @param fileName   source file, or {@code null} if the class was compiled without it
 * @param line       source line, or -1 if unknown
 */
public record CodeLocation(int loaderId, String className, String methodName, String fileName, int line) {

    /** {@code class.method(File.java:42)}, the way a Java stack trace writes a frame. */
    public String describe() {
        StringBuilder b = new StringBuilder(className.length() + methodName.length() + 24)
                .append(className).append('.').append(methodName).append('(');
        if (fileName == null) {
            b.append("Unknown Source");
        } else {
            b.append(fileName);
            if (line >= 0) {
                b.append(':').append(line);
            }
        }
        return b.append(')').toString();
    }
}
