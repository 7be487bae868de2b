package dev.memtrack.simulator.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Differential test against {@link HashMap}: puts, removes and growth in any order. */
class PageKeyMapTest {

    @Test
    void behavesLikeAHashMap() {
        // Up to 400 operations on keys of pages 0 to 60; the initial capacity 1 to 16 forces growth.
        qt().withFixedSeed(0x6A9E_2024L).withExamples(300)
                .forAll(lists().of(operations()).ofSizeBetween(0, 400), integers().between(1, 16))
                .checkAssert(PageKeyMapTest::behavesLikeAHashMap);
    }

    private static void behavesLikeAHashMap(List<Op> ops, int expectedSize) {
        PageKeyMap map = new PageKeyMap(expectedSize);
        Map<Long, Integer> reference = new HashMap<>();
        int value = 0;
        for (Op op : ops) {
            long key = PageKeyMap.key(op.page() % 3, op.page());
            if (op.remove()) {
                map.remove(key);
                reference.remove(key);
            } else {
                map.put(key, value);
                reference.put(key, value);
                value++;
            }
            assertThat(map.size()).isEqualTo(reference.size());
        }
        for (int page = 0; page <= 60; page++) {
            for (int process = 0; process < 3; process++) {
                long key = PageKeyMap.key(process, page);
                assertThat(map.get(key)).isEqualTo(reference.getOrDefault(key, PageKeyMap.MISSING));
            }
        }
    }

    /**
     * One removal in four, of any page 0 to 60. Whether to remove is drawn apart from the page: deciding
     * it from the page (page % 4 == 0) would only ever remove keys that were never put.
     */
    private static Gen<Op> operations() {
        return integers().between(0, 3).zip(integers().between(0, 60), (quarter, page) -> new Op(quarter == 0, page));
    }

    private record Op(boolean remove, int page) {
    }
}
