package dev.memtrack.agent.testing.apps;

import java.io.IOException;

/** Ends a test app when its stdin closes, i.e. when the test JVM that started it is gone. */
final class StdinWatchdog {

    private StdinWatchdog() {
    }

    static void start() {
        Thread t = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // keep reading until the parent's end of the pipe closes
                }
            } catch (IOException closed) {
                // same as end of stream
            }
            Runtime.getRuntime().halt(0);
        }, "stdin-watchdog");
        t.setDaemon(true);
        t.start();
    }
}
