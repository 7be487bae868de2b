package dev.memtrack.agent.alloc.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Space-Saving table keeps its promises on any stream. */
class SpaceSavingTest {

    @Test
    void boundsHoldForEveryStream() {
        qt().withFixedSeed(0x5BACE_5A71L).withExamples(300)
                .forAll(lists().of(integers().between(0, 400)).ofSizeBetween(1, 3000),
                        lists().of(integers().between(1, 5000)).ofSizeBetween(1, 3000),
                        integers().between(1, 64))
                .checkAssert(SpaceSavingTest::boundsHold);
    }

    private static void boundsHold(List<Integer> keys, List<Integer> weights, int capacity) {
        SpaceSaving<Integer> table = new SpaceSaving<>(capacity);
        Map<Integer, Long> truth = new HashMap<>();
        long total = 0;
        for (int i = 0; i < keys.size(); i++) {
            int key = keys.get(i);
            long bytes = weights.get(i % weights.size());
            table.add(key, 1, bytes, false);
            truth.merge(key, bytes, Long::sum);
            total += bytes;
        }
        List<SpaceSaving.Row<Integer>> rows = table.rows();
        assertThat(rows).hasSizeLessThanOrEqualTo(capacity);
        assertThat(rows.stream().mapToLong(SpaceSaving.Row::bytes).sum()).isEqualTo(total);
        assertThat(table.totalBytes()).isEqualTo(total);
        for (SpaceSaving.Row<Integer> r : rows) {
            long t = truth.get(r.key());
            assertThat(r.bytes()).isGreaterThanOrEqualTo(t);
            assertThat(r.bytes() - r.errorBytes()).isLessThanOrEqualTo(t);
            assertThat(r.errorBytes() * capacity).isLessThanOrEqualTo(total);
        }
        for (Map.Entry<Integer, Long> e : truth.entrySet()) {
            if (e.getValue() * capacity > total) {
                assertThat(rows).extracting(SpaceSaving.Row::key).as("heavy key %s", e.getKey()).contains(e.getKey());
            }
        }
    }

    @Test
    void exactUntilFull() {
        SpaceSaving<String> table = new SpaceSaving<>(3);
        table.add("a", 1, 10, false);
        table.add("b", 2, 20, true);
        table.add("a", 1, 5, false);
        assertThat(table.rows()).containsExactlyInAnyOrder(
                new SpaceSaving.Row<>("a", 2, 15, 0, false), new SpaceSaving.Row<>("b", 2, 20, 0, true));
        assertThat(table.isFull()).isFalse();
        assertThat(table.minBytes()).isZero();
    }

    @Test
    void newKeyInheritsTheLightestEntry() {
        SpaceSaving<String> table = new SpaceSaving<>(2);
        table.add("a", 1, 100, false);
        table.add("b", 1, 10, false);
        table.add("c", 1, 1, false);
        assertThat(table.rows()).containsExactlyInAnyOrder(
                new SpaceSaving.Row<>("a", 1, 100, 0, false), new SpaceSaving.Row<>("c", 2, 11, 10, false));
        assertThat(table.minBytes()).isEqualTo(11);
    }

    @Test
    void refusesNoCapacity() {
        assertThatThrownBy(() -> new SpaceSaving<>(0)).hasMessageContaining("capacity must be at least 1, got 0");
    }
}
