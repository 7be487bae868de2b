package dev.memtrack.agent.testing.apps;

import dev.memtrack.agent.alloc.workload.JacksonWorkload;
import java.util.concurrent.CountDownLatch;

/**
 * Jackson (jackson-databind from Maven Central, on the class path) serializing and parsing on
 * {@value #THREADS} threads named {@code jackson-<i>}, {@value #ROUNDS} rounds each, once memtrack is
 * ready; prints {@code jackson done}, then waits to be read. The threads stay alive (idle) after their
 * work, so that the JVM's count of their bytes can still be read: for a thread that has ended, memtrack
 * reports the count as last read, up to a second before the end.
 */
public final class JacksonApp {

    public static final int THREADS = 2;
    public static final int ROUNDS = 60;

    private JacksonApp() {
    }

    public static void main(String[] args) throws Exception {
        StdinWatchdog.start();
        // Jackson's classes load and run once memtrack tracks: instrumented as they load, every round counted.
        AgentReady.await();
        CountDownLatch finished = new CountDownLatch(THREADS);
        CountDownLatch never = new CountDownLatch(1);
        for (int t = 0; t < THREADS; t++) {
            Thread thread = new Thread(() -> {
                new JacksonWorkload().applyAsLong(ROUNDS);
                finished.countDown();
                awaitQuietly(never);
            }, "jackson-" + t);
            thread.setDaemon(true);
            thread.start();
        }
        finished.await();
        System.out.println("jackson done");
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
