package dev.memtrack.agent.alloc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tracker says nothing on the application's console: no deprecation warnings from the
 * libraries it uses (Byte Buddy reaches for sun.misc.Unsafe unless told otherwise, which JDK 24+
 * reports). The one line the JVM itself prints when the bootstrap class path is appended while
 * class data sharing is on is the only output besides the workload's.
 */
class ConsoleTest {

    @Test
    void startsQuietlyInAFreshJvm() throws Exception {
        String out = ChildJvm.run(StartInFreshJvm.class);
        List<String> lines = out.lines()
                .filter(l -> !l.contains("Sharing is only supported for boot loader classes"))
                .toList();
        assertThat(lines).as(out).singleElement().asString().matches("tracked \\d+");
    }
}
