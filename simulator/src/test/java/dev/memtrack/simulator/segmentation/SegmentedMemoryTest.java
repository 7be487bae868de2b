package dev.memtrack.simulator.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SegmentedMemoryTest {

    @Test
    void theIssuesExample() {
        SegmentedMemory memory = new SegmentedMemory(1000, PlacementStrategy.BEST_FIT);

        assertThat(memory.allocate("A", 212)).isZero();
        assertThat(memory.allocate("B", 417)).isEqualTo(212);
        memory.free("A");
        assertThat(memory.holes()).containsExactly(new Hole(0, 212), new Hole(629, 371));
        memory.compact();
        assertThat(memory.holes()).containsExactly(new Hole(417, 583));
        assertThat(memory.segment("B")).get().extracting(Segment::base).isEqualTo(0L);
    }

    @Test
    void translatesWithLimitChecking() {
        SegmentedMemory memory = new SegmentedMemory(1000, PlacementStrategy.FIRST_FIT);
        memory.allocate("P1/code", 100);
        memory.allocate("P1/data", 50);

        assertThat(memory.translate("P1/data", 49)).isEqualTo(new AddressTranslation("P1/data", 49, 149, false, ""));
        assertThat(memory.translate("P1/data", 50)).isEqualTo(new AddressTranslation("P1/data", 50, -1, true,
                "protection fault: offset 50 is outside segment P1/data (limit 50)"));
        assertThat(memory.translate("P1/data", -1).fault()).isTrue();
        assertThat(memory.translate("P2/code", 0).message()).isEqualTo("no segment named 'P2/code' is allocated");
    }

    @Test
    void segmentsBelongToTheProcessBeforeTheSlash() {
        SegmentedMemory memory = new SegmentedMemory(1000, PlacementStrategy.FIRST_FIT);
        memory.allocate("P1/code", 100);
        memory.allocate("P2/code", 100);
        memory.allocate("P1/stack", 100);
        memory.allocate("loner", 100);

        assertThat(memory.segment("loner")).get().extracting(Segment::process).isEqualTo("loner");
        assertThat(memory.freeProcess("P1")).isEqualTo(2);
        assertThat(memory.segmentsByAddress()).extracting(Segment::name).containsExactly("P2/code", "loner");
        assertThat(memory.freeProcess("nobody")).isZero();
    }

    @Test
    void nextFitResumesAfterThePreviousAllocationAndWraps() {
        SegmentedMemory memory = new SegmentedMemory(100, PlacementStrategy.NEXT_FIT);
        memory.allocate("A", 10);
        memory.allocate("B", 10);
        memory.allocate("C", 10);
        memory.free("A");  // hole [0,10) below the rover (30)

        assertThat(memory.allocate("D", 10)).isEqualTo(30);  // first fit would take 0
        assertThat(memory.allocate("E", 60)).isEqualTo(40);  // fills to the top
        assertThat(memory.allocate("F", 5)).isZero();        // wrapped
    }

    @Test
    void nextFitStartsWithTheHoleContainingTheRover() {
        SegmentedMemory memory = new SegmentedMemory(100, PlacementStrategy.NEXT_FIT);
        memory.allocate("A", 10);
        memory.allocate("B", 10);  // rover 20
        memory.allocate("C", 70);
        memory.free("B");          // hole [10,20) ends at the rover: not containing it
        memory.free("C");          // hole [10,100) now contains the rover

        assertThat(memory.allocate("D", 5)).isEqualTo(10);
    }

    @Test
    void snapshotIsConsistentAndImmutable() {
        SegmentedMemory memory = new SegmentedMemory(100, PlacementStrategy.WORST_FIT);
        memory.allocate("A", 30);
        SegmentationSnapshot snapshot = memory.snapshot();
        memory.allocate("B", 30);

        assertThat(snapshot.segments()).hasSize(1);
        assertThat(snapshot.holes()).containsExactly(new Hole(30, 70));
        assertThat(snapshot.freeBytes() + snapshot.allocatedBytes()).isEqualTo(100);
        assertThatThrownBy(() -> snapshot.segments().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void strategyNamesAreParsedWithTheAcceptedList() {
        assertThat(PlacementStrategy.parse("best_fit")).isEqualTo(PlacementStrategy.BEST_FIT);
        assertThatThrownBy(() -> PlacementStrategy.parse("BUDDY"))
                .hasMessage("unknown strategy 'BUDDY': accepted FIRST_FIT, BEST_FIT, WORST_FIT, NEXT_FIT");
    }
}
