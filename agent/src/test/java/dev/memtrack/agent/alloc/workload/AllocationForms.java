package dev.memtrack.agent.alloc.workload;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * One method per allocation form. Each performs one statement between two readings of the JVM's
 * allocated-bytes counter of the current thread and returns the difference: what the JVM says
 * that statement allocated. Results are stored in a static field so they escape (no allocation is
 * removed by escape analysis). Loaded through a fresh class loader and instrumented in tests.
 */
public final class AllocationForms implements ToLongFunction<String> {

    private static final com.sun.management.ThreadMXBean MX =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final int[] INTS = {1, 2, 3, 4, 5};
    private static final String[] STRINGS = {"a", "b", "c"};
    private static final Sheep SHEEP = new Sheep();
    private static final Dolly DOLLY = new Dolly();
    private static final Constructor<Plain> PLAIN_CONSTRUCTOR;
    private static int length = 10;
    private static Object captured = "captured";

    public static volatile Object sink;

    static {
        try {
            PLAIN_CONSTRUCTOR = Plain.class.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public long applyAsLong(String form) {
        switch (form) {
            case "nothing": return nothing();
            case "newObject": return newObject();
            case "newEmptyObject": return newEmptyObject();
            case "newRecord": return newRecord();
            case "newSubclass": return newSubclass();
            case "newNested": return newNested();
            case "newBooleanArray": return newBooleanArray();
            case "newByteArray": return newByteArray();
            case "newCharArray": return newCharArray();
            case "newShortArray": return newShortArray();
            case "newIntArray": return newIntArray();
            case "newFloatArray": return newFloatArray();
            case "newLongArray": return newLongArray();
            case "newDoubleArray": return newDoubleArray();
            case "newStringArray": return newStringArray();
            case "newEmptyArray": return newEmptyArray();
            case "newMultiArray": return newMultiArray();
            case "newPartialMultiArray": return newPartialMultiArray();
            case "newMultiArrayWithZero": return newMultiArrayWithZero();
            case "arrayNewInstance": return arrayNewInstance();
            case "arrayNewInstanceMulti": return arrayNewInstanceMulti();
            case "arrayNewInstanceOfArrays": return arrayNewInstanceOfArrays();
            case "cloneIntArray": return cloneIntArray();
            case "cloneStringArray": return cloneStringArray();
            case "cloneWithOverride": return cloneWithOverride();
            case "cloneWithoutOverride": return cloneWithoutOverride();
            case "constructorNewInstance": return constructorNewInstance();
            case "classNewInstance": return classNewInstance();
            case "capturingLambda": return capturingLambda();
            case "varargs": return varargs();
            default: throw new IllegalArgumentException(form);
        }
    }

    private static long nothing() {
        long before = MX.getCurrentThreadAllocatedBytes();
        return MX.getCurrentThreadAllocatedBytes() - before;
    }

    private static long newObject() {
        long before = MX.getCurrentThreadAllocatedBytes();
        sink = new Plain();
        return MX.getCurrentThreadAllocatedBytes() - before;
    }

    private static long newEmptyObject() {
        long before = MX.getCurrentThreadAllocatedBytes();
        sink = new Object();
        return MX.getCurrentThreadAllocatedBytes() - before;
    }

    private static long newRecord() {
        long before = MX.getCurrentThreadAllocatedBytes();
        sink = new Point(1, 2);
        return MX.getCurrentThreadAllocatedBytes() - before;
    }

    private static long newSubclass() {
        long before = MX.getCurrentThreadAllocatedBytes();
        sink = new Child();
        return MX.getCurrentThreadAllocatedBytes() - before;
    }

    private static long newNested() {
        long before = MX.getCurrentThreadAllocatedBytes();
        sink = new Holder(new Plain());
        return MX.getCurrentThreadAllocatedBytes() - before;
    }

    private static long newBooleanArray() {
        long before = MX.getCurrentThreadAllocatedBytes();
        sink = new boolean[length];
        return MX.getCurrentThreadAllocatedBytes() - before;
    }

    private static long newByteArray() {
        long before = MX.getCurrentThreadAllocatedBytes();
        sink = new byte[length + 3];
        return MX.getCurrentThreadAllocatedBytes() - before;
    }

    private static long newCharArray() {
        long before = MX.getCurrentThreadAllocatedBytes();
        sink = new char[length];
        return MX.getCurrentThreadAllocatedBytes() - before;
    }

    private static long newShortArray() {
        long before = MX.getCurrentThreadAllocatedBytes();
        sink = new short[length + 1];
        return MX.getCurrentThreadAllocatedBytes() - before;
    }

    private static long newIntArray() {
        long before = MX.getCurrentThreadAllocatedBytes();
        sink = new int[length];
        return MX.getCurrentThreadAllocatedBytes() - before;
    }

    private static long newFloatArray() {
        long before = MX.getCurrentThreadAllocatedBytes();
        sink = new float[length + 1];
        return MX.getCurrentThreadAllocatedBytes() - before;
    }

    private static long newLongArray() {
        long before = MX.getCurrentThreadAllocatedBytes();
        sink = new long[length];
        return MX.getCurrentThreadAllocatedBytes() - before;
    }

    private static long newDoubleArray() {
        long before = MX.getCurrentThreadAllocatedBytes();
        sink = new double[length + 1];
        return MX.getCurrentThreadAllocatedBytes() - before;
    }

    private static long newStringArray() {
        long before = MX.getCurrentThreadAllocatedBytes();
        sink = new String[length - 3];
        return MX.getCurrentThreadAllocatedBytes() - before;
    }

    private static long newEmptyArray() {
        long before = MX.getCurrentThreadAllocatedBytes();
        sink = new long[0];
        return MX.getCurrentThreadAllocatedBytes() - before;
    }

    private static long newMultiArray() {
        long before = MX.getCurrentThreadAllocatedBytes();
        sink = new int[3][4];
        return MX.getCurrentThreadAllocatedBytes() - before;
    }

    private static long newPartialMultiArray() {
        long before = MX.getCurrentThreadAllocatedBytes();
        sink = new String[2][3][];
        return MX.getCurrentThreadAllocatedBytes() - before;
    }

    private static long newMultiArrayWithZero() {
        long before = MX.getCurrentThreadAllocatedBytes();
        sink = new long[2][0][5];
        return MX.getCurrentThreadAllocatedBytes() - before;
    }

    private static long arrayNewInstance() {
        long before = MX.getCurrentThreadAllocatedBytes();
        sink = Array.newInstance(int.class, 7);
        return MX.getCurrentThreadAllocatedBytes() - before;
    }

    private static long arrayNewInstanceMulti() {
        long before = MX.getCurrentThreadAllocatedBytes();
        sink = Array.newInstance(String.class, 2, 3);
        return MX.getCurrentThreadAllocatedBytes() - before;
    }

    private static long arrayNewInstanceOfArrays() {
        long before = MX.getCurrentThreadAllocatedBytes();
        sink = Array.newInstance(int[].class, 2, 2);
        return MX.getCurrentThreadAllocatedBytes() - before;
    }

    private static long cloneIntArray() {
        long before = MX.getCurrentThreadAllocatedBytes();
        sink = INTS.clone();
        return MX.getCurrentThreadAllocatedBytes() - before;
    }

    private static long cloneStringArray() {
        long before = MX.getCurrentThreadAllocatedBytes();
        sink = STRINGS.clone();
        return MX.getCurrentThreadAllocatedBytes() - before;
    }

    private static long cloneWithOverride() {
        long before = MX.getCurrentThreadAllocatedBytes();
        sink = SHEEP.clone();
        return MX.getCurrentThreadAllocatedBytes() - before;
    }

    private static long cloneWithoutOverride() {
        long before = MX.getCurrentThreadAllocatedBytes();
        sink = DOLLY.twin();
        return MX.getCurrentThreadAllocatedBytes() - before;
    }

    private static long constructorNewInstance() {
        try {
            long before = MX.getCurrentThreadAllocatedBytes();
            sink = PLAIN_CONSTRUCTOR.newInstance();
            return MX.getCurrentThreadAllocatedBytes() - before;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("deprecation")
    private static long classNewInstance() {
        try {
            long before = MX.getCurrentThreadAllocatedBytes();
            sink = Plain.class.newInstance();
            return MX.getCurrentThreadAllocatedBytes() - before;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long capturingLambda() {
        Object value = captured;
        long before = MX.getCurrentThreadAllocatedBytes();
        sink = (Supplier<Object>) () -> value;
        return MX.getCurrentThreadAllocatedBytes() - before;
    }

    private static long varargs() {
        long before = MX.getCurrentThreadAllocatedBytes();
        sink = first("x", "y", "z");
        return MX.getCurrentThreadAllocatedBytes() - before;
    }

    private static Object first(Object... values) {
        sink = values;
        return values[0];
    }

    /** Fields of every size, so layout gaps and packing matter. */
    public static class Plain {
        byte b = 1;
        int i = 2;
        long l = 3;
        Object o = "o";
        boolean z = true;
        double d = 4;
        short s = 5;
    }

    /** A constructor chain: one object, whatever super() does. */
    public static final class Child extends Plain {
        char c = 'c';
        Object other = "other";

        Child() {
            super();
        }
    }

    public record Point(int x, long y) {
    }

    public static final class Holder {
        final Object held;

        Holder(Object held) {
            this.held = held;
        }
    }

    /** clone() overridden: the allocation happens at super.clone() inside the override. */
    public static final class Sheep implements Cloneable {
        int wool = 7;

        @Override
        public Sheep clone() {
            try {
                return (Sheep) super.clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** clone() not overridden: called virtually, it reaches Object.clone. */
    public static final class Dolly implements Cloneable {
        long genome = 42;

        Dolly twin() {
            try {
                return (Dolly) clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
