package dev.memtrack.agent.bootstrap;

import java.lang.reflect.Array;

/**
 * Static entry points called by instrumented code, on the bootstrap class path so that classes of
 * every class loader can link to them. Each hook is one volatile read and a null check when
 * tracking is off; the JIT inlines it into the allocating method.
 *
 * <p>A failure inside the tracker never reaches the application: the sink is uninstalled and told
 * why, except for {@link VirtualMachineError}s (a stack or heap exhausted by the application
 * itself), which only skip the one allocation.
 */
public final class AllocationHooks {

    private static volatile AllocationSink sink;

    private AllocationHooks() {
    }

    /** Installs the sink every hook forwards to; {@code null} turns recording off. */
    public static void install(AllocationSink newSink) {
        sink = newSink;
    }

    /** The sink in use, or {@code null} when recording is off. */
    public static AllocationSink installed() {
        return sink;
    }

    public static void newObject(Class<?> type, int site) {
        AllocationSink s = sink;
        if (s != null) {
            try {
                s.newObject(type, site);
            } catch (Throwable t) {
                fail(s, t);
            }
        }
    }

    public static void newArray(int length, int site, int layout) {
        AllocationSink s = sink;
        if (s != null) {
            try {
                s.newArray(length, site, layout);
            } catch (Throwable t) {
                fail(s, t);
            }
        }
    }

    public static void newMultiArray(Object array, int dimensions, int firstSite) {
        AllocationSink s = sink;
        if (s != null) {
            try {
                s.newMultiArray(array, dimensions, firstSite);
            } catch (Throwable t) {
                fail(s, t);
            }
        }
    }

    /** Replaces {@code Array.newInstance(Class, int)}, which is not caller-sensitive. */
    public static Object arrayNewInstance(Class<?> componentType, int length, int location) {
        Object array = Array.newInstance(componentType, length);
        reflectiveArray(array, 1, location);
        return array;
    }

    /** Replaces {@code Array.newInstance(Class, int...)}. */
    public static Object arrayNewInstance(Class<?> componentType, int[] dimensions, int location) {
        Object array = Array.newInstance(componentType, dimensions);
        reflectiveArray(array, dimensions.length, location);
        return array;
    }

    private static void reflectiveArray(Object array, int dimensions, int location) {
        AllocationSink s = sink;
        if (s != null) {
            try {
                s.newReflectiveArray(array, dimensions, location);
            } catch (Throwable t) {
                fail(s, t);
            }
        }
    }

    public static void newInstance(Object instance, int location) {
        AllocationSink s = sink;
        if (s != null) {
            try {
                s.newInstance(instance, location);
            } catch (Throwable t) {
                fail(s, t);
            }
        }
    }

    public static void cloneArray(Object copy, int location) {
        AllocationSink s = sink;
        if (s != null) {
            try {
                s.cloneArray(copy, location);
            } catch (Throwable t) {
                fail(s, t);
            }
        }
    }

    public static void cloneVirtual(Object receiver, Object copy, int location) {
        AllocationSink s = sink;
        if (s != null) {
            try {
                s.cloneVirtual(receiver, copy, location);
            } catch (Throwable t) {
                fail(s, t);
            }
        }
    }

    public static void cloneSuper(Object copy, Class<?> owner, int location) {
        AllocationSink s = sink;
        if (s != null) {
            try {
                s.cloneSuper(copy, owner, location);
            } catch (Throwable t) {
                fail(s, t);
            }
        }
    }

    private static void fail(AllocationSink failing, Throwable problem) {
        if (problem instanceof VirtualMachineError) {
            return;
        }
        if (sink == failing) {
            sink = null;
        }
        try {
            failing.failed(problem);
        } catch (Throwable ignored) {
            // The sink was told once; nothing more can be done without risking the application.
        }
    }
}
