package dev.memtrack.agent.alloc.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RecordingTest {

    private final Recording recording =
            new Recording(JvmAllocationCounters.open(), new Sampling(512 * 1024, 1, true), 100);

    @Test
    void aThreadThatEndedKeepsNoStateInTheSlotsOnceRetired() throws InterruptedException {
        AtomicReference<ThreadState> seen = new AtomicReference<>();
        Thread worker = new Thread(() -> seen.set(recording.state()), "short-lived");
        worker.start();
        worker.join();
        assertThat(slotted()).contains(seen.get());

        recording.retireEndedThreads();

        assertThat(slotted()).doesNotContain(seen.get());
        assertThat(Arrays.stream(recording.threadSlots()).filter(Objects::nonNull).map(s -> s.thread))
                .doesNotContain(worker);
    }

    @Test
    void aLiveThreadKeepsItsSlotWhenOthersAreRetired() throws InterruptedException {
        ThreadState mine = recording.state();
        Thread worker = new Thread(recording::state, "short-lived");
        worker.start();
        worker.join();

        recording.retireEndedThreads();

        assertThat(slotted()).contains(mine);
        assertThat(recording.state()).isSameAs(mine);
    }

    private java.util.List<ThreadState> slotted() {
        return Arrays.stream(recording.threadSlots()).filter(Objects::nonNull).toList();
    }
}
