package dev.memtrack.agent.alloc.size;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;

/**
 * The JDK's internal {@code jdk.internal.misc.Unsafe}, opened to the tracker's own module only
 * (never to the application) through {@link Instrumentation#redefineModule}. Unlike
 * {@code sun.misc.Unsafe} it reads field offsets of records and hidden classes, and JDK 24+ prints
 * no deprecation warning for it.
 *
 * <p>Used once per class, never on an allocation's fast path.
 */
final class InternalUnsafe {

    private final Object unsafe;
    private final Method objectFieldOffset;
    private final Method allocateInstance;
    private final Method arrayBaseOffset;
    private final Method arrayIndexScale;

    private InternalUnsafe(Object unsafe, Class<?> type) throws NoSuchMethodException {
        this.unsafe = unsafe;
        this.objectFieldOffset = type.getMethod("objectFieldOffset", Field.class);
        this.allocateInstance = type.getMethod("allocateInstance", Class.class);
        this.arrayBaseOffset = type.getMethod("arrayBaseOffset", Class.class);
        this.arrayIndexScale = type.getMethod("arrayIndexScale", Class.class);
    }

    /** Opens {@code jdk.internal.misc} to this class's module and returns its Unsafe. */
    static InternalUnsafe open(Instrumentation inst) throws ReflectiveOperationException {
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

    long objectFieldOffset(Field f) {
        return (long) call(objectFieldOffset, f);
    }

    /** An instance whose constructors did not run; for measuring only, never published. */
    Object allocateInstance(Class<?> type) {
        return call(allocateInstance, type);
    }

    // int up to JDK 22, long since (JDK-8318966 and friends): read either.
    int arrayBaseOffset(Class<?> arrayClass) {
        return ((Number) call(arrayBaseOffset, arrayClass)).intValue();
    }

    int arrayIndexScale(Class<?> arrayClass) {
        return ((Number) call(arrayIndexScale, arrayClass)).intValue();
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
