package dev.memtrack.agent.alloc.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdIndexTest {

    /** Equal when the text is equal; the hash is chosen by the test, to force collisions. */
    private record Key(String text, int hash) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.text.equals(text);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    @Test
    void findsEveryAddedValueByAnEqualCopyAndNothingElse() {
        qt().withExamples(200)
                .forAll(lists().of(integers().between(0, 5_000)).ofSizeBetween(0, 3_000),
                        integers().between(1, 1 << 20))
                .checkAssert((numbers, hashRange) -> {
                    List<Key> stored = new ArrayList<>();
                    IdIndex<Key> index = new IdIndex<>(stored::get);
                    Map<String, Integer> expected = new HashMap<>();
                    for (int n : numbers) {
                        Key key = new Key("k" + n, n % hashRange);
                        int id = index.find(new Key(key.text, key.hash));
                        assertThat(id).isEqualTo(expected.getOrDefault(key.text, -1));
                        if (id < 0) {
                            stored.add(key);
                            index.add(key, stored.size() - 1);
                            expected.put(key.text, stored.size() - 1);
                        }
                    }
                    assertThat(index.size()).isEqualTo(expected.size());
                    expected.forEach((text, id) ->
                            assertThat(index.find(new Key(text, stored.get(id).hash))).isEqualTo(id));
                    assertThat(index.find(new Key("absent", 7))).isEqualTo(-1);
                });
    }

    @Test
    void valuesThatAllShareOneHashAreStillTellApart() {
        List<Key> stored = new ArrayList<>();
        IdIndex<Key> index = new IdIndex<>(stored::get);
        for (int i = 0; i < 1_000; i++) {
            stored.add(new Key("k" + i, 42));
            index.add(stored.get(i), i);
        }

        for (int i = 0; i < 1_000; i++) {
            assertThat(index.find(new Key("k" + i, 42))).isEqualTo(i);
        }
        assertThat(index.find(new Key("k1000", 42))).isEqualTo(-1);
    }
}
