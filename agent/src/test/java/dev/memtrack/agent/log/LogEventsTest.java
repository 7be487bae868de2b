package dev.memtrack.agent.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LogEventsTest {

    private final LogEvents events = new LogEvents();

    @Test
    void keepsNothingUntilTheLogOpensAndForgetsWhatIsLeftWhenItCloses() {
        events.add("before", 1);
        assertThat(events.drain()).isEmpty();

        events.open();
        events.add("policy.decision", Map.of("id", 7));
        events.add("other", "x");
        assertThat(events.drain()).extracting(LogEvents.Event::name, LogEvents.Event::data)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("policy.decision", Map.of("id", 7)),
                        org.assertj.core.groups.Tuple.tuple("other", "x"));
        assertThat(events.drain()).isEmpty();

        events.add("unwritten", 2);
        events.close();
        events.add("after", 3);
        assertThat(events.drain()).isEmpty();
    }

    @Test
    void aWriterThatFallsBehindLosesEventsButNeverBlocksTheirSource() {
        events.open();
        for (int i = 0; i < LogEvents.CAPACITY + 5; i++) {
            events.add("e", i);
        }

        assertThat(events.drain()).hasSize(LogEvents.CAPACITY).first().extracting(LogEvents.Event::data).isEqualTo(0);
        assertThat(events.takeDropped()).isEqualTo(5);
        assertThat(events.takeDropped()).isZero();
    }
}
