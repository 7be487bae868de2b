package dev.memtrack.agent.testing.apps;

import java.lang.reflect.Array;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * A test application for allocation tracking. Every allocation statement ends with a
 * {@code // site: <form>} comment; tests find its line in this source file.
 *
 * <ul>
 *   <li>{@code forms}: waits until memtrack is ready (system property {@code memtrack.agent.state}),
 *       then thread {@value #FORMS_THREAD} runs every form {@value #ROUNDS} times and prints
 *       {@code forms done}; thread {@value #STEADY_THREAD} then allocates 1 KiB arrays until killed.</li>
 *   <li>{@code loop}: does not wait; {@value #FORMS_THREAD} runs the forms over and over (a little
 *       pause between rounds) and {@value #STEADY_THREAD} allocates, until killed (for attach).</li>
 * </ul>
 * Either way, {@value #LEGACY_CLASS} is run once first if it is on the class path.
 */
public final class AllocatingApp {

    public static final int ROUNDS = 2000;
    public static final String FORMS_THREAD = "forms-worker";
    public static final String STEADY_THREAD = "steady-worker";
    /** A class in a class-file format memtrack cannot instrument, run once if a test put it on the class path. */
    public static final String LEGACY_CLASS = "dev.memtrack.agent.testing.apps.Legacy14";
    /** The allocation forms, by the name their site comment carries. */
    public static final List<String> FORMS = List.of("newObject", "intArray", "stringMatrix", "reflectiveArray",
            "arrayClone", "reflectiveNew", "capturingLambda");

    private static final int[] INTS = {1, 2, 3, 4, 5, 6, 7, 8};
    static volatile Object sink;

    private AllocatingApp() {
    }

    public static void main(String[] args) throws Exception {
        StdinWatchdog.start();
        boolean loop = args.length > 0 && args[0].equals("loop");
        System.out.println("allocating-app started pid=" + ProcessHandle.current().pid());
        if (!loop) {
            AgentReady.await();
        }
        runLegacyClassIfPresent();
        Thread forms = new Thread(() -> {
            do {
                for (int i = 0; i < ROUNDS; i++) {
                    allForms(i);
                }
                if (!loop) {
                    System.out.println("forms done rounds=" + ROUNDS);
                    startSteady();
                } else {
                    pause(50);
                }
            } while (loop);
        }, FORMS_THREAD);
        forms.start();
        if (loop) {
            startSteady();
        }
        forms.join();
        Thread.sleep(Long.MAX_VALUE);
    }

    static void allForms(int i) {
        newObject(i);
        intArray();
        stringMatrix();
        reflectiveArray();
        arrayClone();
        reflectiveNew();
        capturingLambda(i);
    }

    static void newObject(int i) {
        sink = new Point(i, i); // site: newObject
    }

    static void intArray() {
        sink = new int[16]; // site: intArray
    }

    static void stringMatrix() {
        sink = new String[2][3]; // site: stringMatrix
    }

    static void reflectiveArray() {
        sink = Array.newInstance(long.class, 8); // site: reflectiveArray
    }

    static void arrayClone() {
        sink = INTS.clone(); // site: arrayClone
    }

    static void reflectiveNew() {
        try {
            sink = Point.class.getDeclaredConstructor().newInstance(); // site: reflectiveNew
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static void capturingLambda(int i) {
        sink = (IntSupplier) () -> i; // site: capturingLambda
    }

    static void steady() {
        sink = new byte[1024]; // site: steady
    }

    private static void startSteady() {
        Thread steady = new Thread(() -> {
            while (true) {
                for (int i = 0; i < 256; i++) {
                    steady();
                }
                pause(10);
            }
        }, STEADY_THREAD);
        steady.setDaemon(true);
        steady.start();
    }

    private static void runLegacyClassIfPresent() throws ReflectiveOperationException {
        Class<?> legacy;
        try {
            legacy = Class.forName(LEGACY_CLASS);
        } catch (ClassNotFoundException absent) {
            return;
        }
        Object result = legacy.getMethod("run").invoke(null);
        System.out.println("legacy class ran: " + result.getClass().getSimpleName());
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A small object with a no-argument constructor for reflective construction. */
    public static final class Point {
        final int x;
        final int y;

        public Point() {
            this(0, 0);
        }

        Point(int x, int y) {
            this.x = x;
            this.y = y;
        }
    }
}
