package dev.memtrack.agent.alloc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The tracker says nothing on the application's console: no deprecation warnings from the
 * libraries it uses (Byte Buddy reaches for sun.misc.Unsafe unless told otherwise, which JDK 24+
 * reports), and no "Sharing is only supported for boot loader classes because bootstrap classpath
 * has been appended" from the JVM, since the hooks are defined in the bootstrap loader without
 * appending to its class path.
 */
class ConsoleTest {

    @Test
    void startsQuietlyInAFreshJvm() throws Exception {
        String out = ChildJvm.run(StartInFreshJvm.class, "-Xshare:auto");
        assertThat(out.lines().toList()).as(out).singleElement().asString().matches("tracked \\d+");
    }
}
