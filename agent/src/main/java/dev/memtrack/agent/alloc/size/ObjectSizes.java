package dev.memtrack.agent.alloc.size;

import dev.memtrack.agent.alloc.jdk.InternalUnsafe;
import java.lang.annotation.Annotation;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.function.Consumer;

/**
 * Heap sizes of objects as this JVM counts them: header, field layout, padding and alignment,
 * with or without compressed oops and class pointers, with compact object headers when enabled.
 *
 * <p>Arrays: {@code align(base + length × elementSize)}, with base offset and element size read
 * from the JVM for each array type and packed into one {@code int} "layout" per type, so the
 * allocation hook computes a size with a shift and a mask.
 *
 * <p>Instances: computed from the field offsets the JVM chose ({@link #computedInstanceSize}),
 * adding the trailing padding of {@code @Contended} fields. Where it is safe (no finalizer), the
 * result is cross-checked once per class against {@link Instrumentation#getObjectSize} of an
 * instance whose constructors never ran, and the JVM's figure wins: it also covers fields that
 * reflection hides (e.g. those of {@code ClassLoader}). Callers cache the result per class.
 *
 * <p>Thread-safe; immutable after {@link #calibrate}.
 */
public final class ObjectSizes {

    /** Bits of a layout that hold the array base offset. */
    public static final int LAYOUT_BASE_MASK = 0xFF;
    public static final int LAYOUT_SHIFT_BITS = 8;

    private final Instrumentation inst;
    private final InternalUnsafe unsafe;
    private final VmLayout vm;
    private final long alignMask;
    private final long emptyObjectBytes;
    private final int referenceBytes;
    private final Consumer<String> warnOnce;
    private final ClassValue<Long> computed = new ClassValue<>() {
        @Override
        protected Long computeValue(Class<?> type) {
            return computeLayout(type);
        }
    };

    private ObjectSizes(Instrumentation inst, InternalUnsafe unsafe, VmLayout vm, Consumer<String> warnOnce) {
        this.inst = inst;
        this.unsafe = unsafe;
        this.vm = vm;
        this.warnOnce = warnOnce;
        this.alignMask = vm.objectAlignmentBytes() - 1L;
        this.emptyObjectBytes = inst.getObjectSize(new Object());
        this.referenceBytes = unsafe.arrayIndexScale(Object[].class);
    }

    /**
     * Reads the layout of this JVM.
     *
     * @throws IllegalStateException if the JDK's internal Unsafe cannot be opened to the tracker
     */
    public static ObjectSizes calibrate(Instrumentation inst, Consumer<String> warnOnce) {
        try {
            return new ObjectSizes(inst, InternalUnsafe.open(inst), VmLayout.current(), warnOnce);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot read object layouts: opening jdk.internal.misc to the "
                    + "allocation tracker failed (" + e + ")", e);
        }
    }

    public VmLayout vmLayout() {
        return vm;
    }

    /** Bytes of one reference: 4 with compressed oops, 8 without. */
    public int referenceBytes() {
        return referenceBytes;
    }

    /** The layout of an array type: base offset | log2(element bytes) << 8. */
    public int arrayLayout(Class<?> arrayClass) {
        if (!arrayClass.isArray()) {
            throw new IllegalArgumentException(arrayClass.getName() + " is not an array type");
        }
        int base = unsafe.arrayBaseOffset(arrayClass);
        int scale = unsafe.arrayIndexScale(arrayClass);
        return base | Integer.numberOfTrailingZeros(scale) << LAYOUT_SHIFT_BITS;
    }

    /** The layout of arrays whose elements are the primitive or reference kind of a JVM descriptor character. */
    public int arrayLayout(char elementDescriptor) {
        return arrayLayout(switch (elementDescriptor) {
            case 'Z' -> boolean[].class;
            case 'B' -> byte[].class;
            case 'C' -> char[].class;
            case 'S' -> short[].class;
            case 'I' -> int[].class;
            case 'F' -> float[].class;
            case 'J' -> long[].class;
            case 'D' -> double[].class;
            case 'L', '[' -> Object[].class;
            default -> throw new IllegalArgumentException("Not a field descriptor: " + elementDescriptor);
        });
    }

    /** Bytes of an array of {@code length} elements; negative lengths (never allocated) count 0. */
    public long arraySize(int layout, int length) {
        return arraySize(layout, length, alignMask);
    }

    public static long arraySize(int layout, int length, long alignMask) {
        if (length < 0) {
            return 0;
        }
        long raw = (layout & LAYOUT_BASE_MASK) + ((long) length << (layout >>> LAYOUT_SHIFT_BITS));
        return (raw + alignMask) & ~alignMask;
    }

    public long alignMask() {
        return alignMask;
    }

    /**
     * Bytes of one instance of {@code type}, as {@code getObjectSize} reports it. Costs reflection
     * and possibly one measuring allocation: call once per class and cache.
     */
    public long instanceSize(Class<?> type) {
        long layout = -1;
        try {
            layout = computedInstanceSize(type);
        } catch (RuntimeException | LinkageError e) {
            // A field type that cannot be loaded; measuring may still work.
        }
        if (canMeasure(type)) {
            try {
                long measured = inst.getObjectSize(unsafe.allocateInstance(type));
                if (layout >= 0 && measured != layout && type.getClassLoader() != null) {
                    warnOnce.accept("computed size of " + type.getName() + " (" + layout
                            + " bytes) differs from the JVM's (" + measured + " bytes); using the JVM's figure");
                }
                return measured;
            } catch (RuntimeException | LinkageError e) {
                // Not instantiable this way (e.g. java.lang.Class); fall back to the layout.
            }
        }
        if (layout >= 0) {
            return layout;
        }
        warnOnce.accept("cannot determine the size of " + type.getName() + "; counting it as an empty object");
        return emptyObjectBytes;
    }

    /**
     * The instance size computed from the field layout alone: the end of the last field (plus
     * {@code @Contended} padding) or the superclass's size, whichever is larger, aligned.
     */
    public long computedInstanceSize(Class<?> type) {
        if (type.isArray() || type.isPrimitive() || type.isInterface()) {
            throw new IllegalArgumentException(type.getTypeName() + " has no instance layout");
        }
        return computed.get(type);
    }

    private long computeLayout(Class<?> type) {
        Class<?> superclass = type.getSuperclass();
        long end = superclass == null ? emptyObjectBytes : computedInstanceSize(superclass);
        long fieldsEnd = 0;
        for (Field f : type.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                fieldsEnd = Math.max(fieldsEnd, unsafe.objectFieldOffset(f) + fieldBytes(f.getType()));
            }
        }
        if (fieldsEnd > 0 && contended(type)) {
            fieldsEnd += vm.contendedPaddingBytes();
        }
        end = Math.max(end, fieldsEnd);
        return (end + alignMask) & ~alignMask;
    }

    private boolean contended(Class<?> type) {
        boolean honoured = !vm.restrictContended() || type.getClassLoader() == null
                || type.getClassLoader() == ClassLoader.getPlatformClassLoader();
        if (!honoured) {
            return false;
        }
        if (hasContended(type.getDeclaredAnnotations())) {
            return true;
        }
        for (Field f : type.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) && hasContended(f.getDeclaredAnnotations())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasContended(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a.annotationType().getName().endsWith(".Contended")) {
                return true;
            }
        }
        return false;
    }

    private int fieldBytes(Class<?> t) {
        if (!t.isPrimitive()) {
            return referenceBytes;
        }
        if (t == long.class || t == double.class) {
            return 8;
        }
        if (t == int.class || t == float.class) {
            return 4;
        }
        if (t == short.class || t == char.class) {
            return 2;
        }
        return 1;
    }

    // Measuring allocates an instance without running constructors; one with a finalizer would be
    // finalized later in that state, so those are computed only.
    private static boolean canMeasure(Class<?> type) {
        return !Modifier.isAbstract(type.getModifiers()) && type != Class.class
                && !ObjectMethods.overridden(type, "finalize");
    }
}
