package dev.memtrack.agent.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Checks that a {@link dev.memtrack.agent.testing.apps.HeartbeatApp} keeps printing its heartbeat. */
public final class Heartbeat {

    private static final String PREFIX = "heartbeat ";

    private Heartbeat() {
    }

    /** Waits for three more heartbeats than printed so far: the application's own work goes on. */
    public static void assertContinues(ChildJvm app) {
        long last = last(app);
        app.awaitStdout(PREFIX + (last + 3));
        assertThat(app.isAlive()).isTrue();
    }

    private static long last(ChildJvm app) {
        List<String> lines = app.stdout().lines().filter(l -> l.startsWith(PREFIX)).toList();
        return lines.isEmpty() ? 0 : Long.parseLong(lines.get(lines.size() - 1).substring(PREFIX.length()).trim());
    }
}
