package dev.memtrack.agent.alloc.size;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** Instances of many classes with different layouts, whose sizes the JVM reports through {@code getObjectSize}. */
final class SizeSamples {

    private SizeSamples() {
    }

    /** Classes whose every field is visible to reflection, so the computed layout must be exact. */
    static List<Object> instances() {
        Object token = "t";
        Supplier<Object> lambda = () -> token;
        return List.of(new Object(), "a string", 42, 42L, 4.2, (byte) 1, 'c', true, (short) 2, 1.5f,
                new HashMap<>(), new ArrayList<>(), new LinkedList<>(), new TreeMap<>(), new ConcurrentHashMap<>(),
                new StringBuilder("x"), new AtomicLong(), new ReentrantLock(), Optional.of(1), UUID.randomUUID(),
                BigDecimal.TEN, BigInteger.valueOf(Long.MAX_VALUE), Instant.now(), LocalDate.now(),
                new Exception("e"), new IllegalStateException(), new Thread(() -> { }),
                new Thread(() -> { }) { }, new Empty(),
                new OneByte(), new OneInt(), new OneLong(), new OneRef(), new Mixed(), new MixedChild(),
                new ByteAfterLong(), new GapFiller(), new DeepChild(), new EmptyChild(), new Point(1, 2),
                new Wide(), lambda, new Outer().new Inner(), new Serializable() { int x; }, Color.RED);
    }

    static List<Object> arrays(int length) {
        return List.of(new boolean[length], new byte[length], new char[length], new short[length],
                new int[length], new float[length], new long[length], new double[length],
                new Object[length], new String[length], new int[length][], new Mixed[length]);
    }

    static final class Empty {
    }

    static final class OneByte {
        byte b;
    }

    static final class OneInt {
        int i;
    }

    static final class OneLong {
        long l;
    }

    static final class OneRef {
        Object o;
    }

    static class Mixed {
        byte b;
        int i;
        long l;
        Object o;
        boolean z;
        double d;
        short s;
        char c;
        float f;
    }

    static class MixedChild extends Mixed {
        byte b2;
        Object o2;
    }

    static class ByteBase {
        byte first;
    }

    static final class ByteAfterLong extends ByteBase {
        long l;
        byte b;
    }

    static class LongBase {
        long a;
        byte b;
    }

    static final class GapFiller extends LongBase {
        int fills;
        short alsoFills;
    }

    static class Level1 {
        int a;
    }

    static class Level2 extends Level1 {
        long b;
    }

    static final class DeepChild extends Level2 {
        byte c;
        Object d;
    }

    static final class EmptyChild extends Mixed {
    }

    record Point(int x, long y) {
    }

    static final class Wide {
        long a1, a2, a3, a4, a5, a6, a7, a8;
        int b1, b2, b3;
        byte c1, c2, c3, c4, c5;
        Object d1, d2, d3;
    }

    static final class Outer {
        /** Holds a hidden reference to its Outer. */
        final class Inner {
            int x;
        }
    }

    enum Color { RED }
}
