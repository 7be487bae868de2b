package dev.memtrack.agent.alloc.size;

/** Whether a class overrides one of {@code Object}'s no-argument methods ({@code clone}, {@code finalize}). */
public final class ObjectMethods {

    private ObjectMethods() {
    }

    /**
     * @return whether {@code type} or a superclass below {@code Object} declares {@code name()};
     *         {@code true} when that cannot be told (a declared method's types failed to load)
     */
    public static boolean overridden(Class<?> type, String name) {
        try {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                try {
                    c.getDeclaredMethod(name);
                    return true;
                } catch (NoSuchMethodException e) {
                    // not declared here; look further up
                }
            }
            return false;
        } catch (LinkageError e) {
            return true;
        }
    }
}
