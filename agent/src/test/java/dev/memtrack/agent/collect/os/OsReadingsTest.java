package dev.memtrack.agent.collect.os;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memtrack.mbeans.LoadAverage;
import java.util.List;
import org.junit.jupiter.api.Test;

class OsReadingsTest {

    @Test
    void aMachineWithoutMemoryOrCpuTimeIsRefused() {
        assertThatCode(() -> OsReadings.requirePlausible(system(8L << 30, 1000))).doesNotThrowAnyException();
        assertThatThrownBy(() -> OsReadings.requirePlausible(system(0, 1000)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("OSHI read no usable machine statistics from /proc: total memory 0 bytes and CPU time "
                        + "1000 ticks; its files are missing, unreadable or malformed");
        assertThatThrownBy(() -> OsReadings.requirePlausible(system(8L << 30, 0))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aProcessTableWithoutThisJvmIsRefused() {
        ProcessSample other = new ProcessSample(1, 0, "init", "root", "SLEEPING", 0, 0, 0, 1);
        ProcessSample self = new ProcessSample(42, 0, "java", "me", "RUNNING", 0, 0, 0, 1);

        assertThatCode(() -> OsReadings.requirePlausible(List.of(other, self), 42)).doesNotThrowAnyException();
        assertThatThrownBy(() -> OsReadings.requirePlausible(List.of(other), 42))
                .hasMessage("OSHI read a process table without this JVM (pid 42) from /proc: 1 processes; its files "
                        + "are missing, unreadable or malformed");
    }

    private static SystemSnapshot system(long memory, long ticks) {
        return new SystemSnapshot(0, 0, new CpuTicks(0, ticks), List.of(), new LoadAverage(-1, -1, -1), memory, 0, 0, 0,
                List.of(), List.of(), 0, 0, 0);
    }
}
