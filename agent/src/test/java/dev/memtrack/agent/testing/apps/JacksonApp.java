package dev.memtrack.agent.testing.apps;

import dev.memtrack.agent.alloc.workload.JacksonWorkload;
import java.util.ArrayList;
import java.util.List;

/**
 * Jackson (jackson-databind from Maven Central, on the class path) serializing and parsing on
 * {@value #THREADS} threads named {@code jackson-<i>}, {@value #ROUNDS} rounds each, once memtrack is
 * ready; prints
 * {@code jackson done}, then waits to be read.
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
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Thread thread = new Thread(() -> new JacksonWorkload().applyAsLong(ROUNDS), "jackson-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.println("jackson done");
        Thread.sleep(Long.MAX_VALUE);
    }
}
