package dev.memtrack.agent.jolokia;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.agent.jolokia.BulkPosition.Moment;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** How a message names the request it is about: by position in a bulk request only. */
class BulkPositionTest {

    /** Something to say about every request that starts with "bad". */
    private static final Function<String, Optional<String>> BAD = r -> r.startsWith("bad")
            ? Optional.of(r + " is bad") : Optional.empty();

    @Test
    void aSingleRequestIsNotNamed() {
        assertThat(BulkPosition.firstMessage(List.of("bad one"), BAD, Moment.BEFORE_JOLOKIA)).hasValue("bad one is bad");
        assertThat(BulkPosition.firstMessage(List.of("bad one"), BAD, Moment.AFTER_JOLOKIA)).hasValue("bad one is bad");
    }

    @Test
    void theFirstRequestOfABulkRequestWithSomethingToSayIsNamedByItsPosition() {
        List<String> bulk = List.of("good", "bad two", "bad three");

        assertThat(BulkPosition.firstMessage(bulk, BAD, Moment.BEFORE_JOLOKIA))
                .hasValue("request 2 of the bulk request: bad two is bad");
        assertThat(BulkPosition.firstMessage(bulk, BAD, Moment.AFTER_JOLOKIA)).hasValue("request 2 of the bulk "
                + "request (the ones before it were executed, the ones after it were not): bad two is bad");
    }

    @Test
    void nothingToSayIsNoMessage() {
        assertThat(BulkPosition.firstMessage(List.of("good", "fine"), BAD, Moment.AFTER_JOLOKIA)).isEmpty();
        assertThat(BulkPosition.firstMessage(List.<String>of(), BAD, Moment.BEFORE_JOLOKIA)).isEmpty();
    }
}
