package dev.memtrack.simulator.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Differential test against {@link HashMap}: puts, removes and growth in any order. */
class PageKeyMapTest {

    @Property(tries = 300)
    void behavesLikeAHashMap(@ForAll @Size(max = 400) List<@IntRange(min = 0, max = 60) Integer> ops,
                             @ForAll @IntRange(min = 1, max = 16) int expectedSize) {
        PageKeyMap map = new PageKeyMap(expectedSize);
        Map<Long, Integer> reference = new HashMap<>();
        int value = 0;
        for (int op : ops) {
            long key = PageKeyMap.key(op % 3, op);
            if (op % 4 == 0) {
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
}
