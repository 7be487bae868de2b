package dev.memtrack.agent.testing.apps;

import java.io.IOException;

/**
 * Ends a test app when its stdin closes: when the test JVM that started it is gone, and also when a test
 * destroys it ({@link Process#destroy()} closes the pipe as it sends SIGTERM).
 */
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
            // exit, not halt: shutdown hooks (memtrack's among them) run as when any application ends.
            System.exit(0);
        }, "stdin-watchdog");
        t.setDaemon(true);
        t.start();
    }
}
