package dev.memtrack.agent.bootstrap;

/**
 * Receives the allocations of instrumented code from {@link AllocationHooks}. Implemented by the
 * allocation tracker, which lives in the agent's own class loader; this interface lives on the
 * bootstrap class path so that code of every class loader can reach it.
 *
 * <p>Site and location ids are handed out by the tracker when it instruments a class. A <em>site</em>
 * is a place in the code plus the type allocated there (known when instrumenting); a
 * <em>location</em> is a place whose allocated type is only known at run time (reflection, clone).
 *
 * <p>Implementations are called on application threads, concurrently, and must be allocation-free
 * on their fast path.
 */
public interface AllocationSink {

    /** {@code new T}: one instance of {@code type}, recorded right after the {@code NEW} instruction. */
    void newObject(Class<?> type, int site);

    /**
     * {@code new T[length]} with a primitive or reference element type.
     *
     * @param layout array base offset in bytes, plus the log2 of the element size shifted left by 8,
     *               as computed by the tracker for this JVM when it instrumented the site
     */
    void newArray(int length, int site, int layout);

    /** {@code new T[a][b]...}: {@code dimensions} levels of sub-arrays, level {@code i} at site {@code firstSite + i}. */
    void newMultiArray(Object array, int dimensions, int firstSite);

    /** {@code Array.newInstance}: {@code dimensions} levels of arrays were created. */
    void newReflectiveArray(Object array, int dimensions, int location);

    /** An instance created outside the instrumented bytecode on its behalf: reflective construction, a capturing lambda. */
    void newInstance(Object instance, int location);

    /** {@code array.clone()}. */
    void cloneArray(Object copy, int location);

    /** {@code receiver.clone()} through {@code invokevirtual}; counted when it reaches {@code Object.clone}. */
    void cloneVirtual(Object receiver, Object copy, int location);

    /** {@code super.clone()} through {@code invokespecial} on {@code owner}; counted when it resolves to {@code Object.clone}. */
    void cloneSuper(Object copy, Class<?> owner, int location);

    /** The sink threw; it has been uninstalled. Must not throw. */
    void failed(Throwable problem);
}
