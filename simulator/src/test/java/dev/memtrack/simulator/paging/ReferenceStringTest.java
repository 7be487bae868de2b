package dev.memtrack.simulator.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quicktheories.core.Gen;

class ReferenceStringTest {

    @Test
    void readsPagesSeparatedByCommasAndSpaces() {
        ReferenceString refs = ReferenceString.parse(" 7,0 1 ,\t2 ,  3 ");

        assertThat(refs.length()).isEqualTo(5);
        assertThat(refs.toString()).isEqualTo("7,0,1,2,3");
        assertThat(refs.processNames()).containsExactly(ReferenceString.DEFAULT_PROCESS);
    }

    @Test
    void readsProcessesInOrderOfFirstAppearance() {
        ReferenceString refs = ReferenceString.parse("B:1,A:2 B:3,4");

        assertThat(refs.processNames()).containsExactly("B", "A", "P");
        assertThat(refs.processAt(2)).isZero();
        assertThat(refs.pageAt(2)).isEqualTo(3);
        assertThat(refs.toString()).isEqualTo("B:1,A:2,B:3,P:4");
        assertThat(refs.distinctPagesPerProcess()).containsExactly(2, 1, 1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "7,0,7x       | malformed reference '7x' at position 3: expected a page number >= 0 or process:page",
        "1,-2         | malformed reference '-2' at position 2: expected a page number >= 0 or process:page",
        "1,,2         | malformed reference '' at position 2: expected a page number >= 0 or process:page",
        "1,2,         | malformed reference '' at position 3: expected a page number >= 0 or process:page",
        ",1           | malformed reference '' at position 1: expected a page number >= 0 or process:page",
        "A:           | malformed reference 'A:' at position 1: expected a page number >= 0 or process:page",
        ":4           | malformed reference ':4' at position 1: expected a process name of letters, digits, '_', '-' or '.' before ':'",
        "A:1:2        | malformed reference 'A:1:2' at position 1: expected a page number >= 0 or process:page",
        "1 9999999999 | malformed reference '9999999999' at position 2: page numbers go up to 2147483647",
    })
    void namesTheBadReferenceAndItsPosition(String text, String message) {
        assertThatThrownBy(() -> ReferenceString.parse(text))
                .isInstanceOf(MalformedReferenceException.class).hasMessage(message);
    }

    @Test
    void refusesAnEmptyString() {
        assertThatThrownBy(() -> ReferenceString.parse("  "))
                .hasMessage("reference string is empty: expected page numbers separated by commas or spaces");
    }

    @Test
    void nextUsesPointAtTheNextReferenceOfTheSamePageAndProcess() {
        assertThat(ReferenceString.parse("A:1,B:1,A:1,A:2,B:1").nextUses()).containsExactly(2, 4, -1, -1, -1);
    }

    @Test
    void textFormRoundTrips() {
        qt().withFixedSeed(0x7E47_2024L).withExamples(200)
                .forAll(strings())
                .checkAssert(refs -> assertThat(ReferenceString.parse(refs.toString())).isEqualTo(refs));
    }

    /** 1 to 30 references of named processes to any page from 0 to {@link Integer#MAX_VALUE}. */
    private static Gen<ReferenceString> strings() {
        Gen<String> process = arbitrary().pick("P", "A", "web-1", "db.main");
        Gen<Integer> page = integers().between(0, Integer.MAX_VALUE);
        return lists().of(process.zip(page, Ref::new)).ofSizeBetween(1, 30).map(list -> {
            ReferenceString.Builder builder = ReferenceString.builder();
            list.forEach(ref -> builder.add(ref.process(), ref.page()));
            return builder.build();
        }).describedAs(ReferenceString::toString);
    }

    private record Ref(String process, int page) {
    }
}
