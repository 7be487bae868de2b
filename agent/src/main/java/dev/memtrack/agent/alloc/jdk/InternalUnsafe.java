package dev.memtrack.agent.alloc.jdk;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;

/**
 * The JDK's internal {@code jdk.internal.misc.Unsafe}, opened to the tracker's own module only
 * (never to the application) through {@link Instrumentation#redefineModule}. Unlike
 * {@code sun.misc.Unsafe} it reads field offsets of records and hidden classes and defines classes
 * in the bootstrap class loader, and JDK 24+ prints no deprecation warning for it.
 *
 * <p>Used once per class or once per start, never on an allocation's fast path. Thread-safe.
 */
public final class InternalUnsafe {

    private final Object unsafe;
    private final Method objectFieldOffset;
    private final Method allocateInstance;
    private final Method arrayBaseOffset;
    private final Method arrayIndexScale;
    private final Method defineClass;

    private InternalUnsafe(Object unsafe, Class<?> type) throws NoSuchMethodException {
        this.unsafe = unsafe;
        this.objectFieldOffset = type.getMethod("objectFieldOffset", Field.class);
        this.allocateInstance = type.getMethod("allocateInstance", Class.class);
        this.arrayBaseOffset = type.getMethod("arrayBaseOffset", Class.class);
        this.arrayIndexScale = type.getMethod("arrayIndexScale", Class.class);
        this.defineClass = type.getMethod("defineClass", String.class, byte[].class, int.class, int.class,
                ClassLoader.class, ProtectionDomain.class);
    }

    /** Opens {@code jdk.internal.misc} to this class's module and returns its Unsafe. */
    public static InternalUnsafe open(Instrumentation inst) throws ReflectiveOperationException {
        Module javaBase = Object.class.getModule();
        Module own = InternalUnsafe.class.getModule();
        if (!javaBase.isExported("jdk.internal.misc", own)) {
            inst.redefineModule(javaBase, Set.of(), Map.of("jdk.internal.misc", Set.of(own)), Map.of(), Set.of(),
                    Map.of());
        }
        Class<?> type = Class.forName("jdk.internal.misc.Unsafe");
        Object unsafe = type.getMethod("getUnsafe").invoke(null);
        return new InternalUnsafe(unsafe, type);
    }

    public long objectFieldOffset(Field f) {
        return (long) call(objectFieldOffset, f);
    }

    /** An instance whose constructors did not run; for measuring only, never published. */
    public Object allocateInstance(Class<?> type) {
        return call(allocateInstance, type);
    }

    // int up to JDK 22, long since (JDK-8318966 and friends): read either.
    public int arrayBaseOffset(Class<?> arrayClass) {
        return ((Number) call(arrayBaseOffset, arrayClass)).intValue();
    }

    public int arrayIndexScale(Class<?> arrayClass) {
        return ((Number) call(arrayIndexScale, arrayClass)).intValue();
    }

    /**
     * Defines a class in the bootstrap class loader, in its unnamed module, without touching the
     * bootstrap class path (appending to it would turn class data sharing off for every class the
     * other loaders load afterwards).
     *
     * @throws IllegalStateException if the JVM refuses the class (e.g. it is already defined there)
     */
    public Class<?> defineBootstrapClass(String name, byte[] classFile) {
        try {
            return (Class<?>) defineClass.invoke(unsafe, name, classFile, 0, classFile.length, null, null);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("defineClass(" + name + ") failed: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("defineClass is not accessible", e);
        }
    }

    private Object call(Method m, Object arg) {
        try {
            return m.invoke(unsafe, arg);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(m.getName() + "(" + arg + ") failed: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(m.getName() + " is not accessible", e);
        }
    }
}
