package dev.memtrack.agent.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesReaderTest {

    @TempDir
    Path dir;

    private static final String A = "{\"time\":\"t\",\"epochMillis\":1,\"heap\":{\"used\":2}}";
    private static final String EVENT = "{\"time\":\"t\",\"epochMillis\":2,\"event\":\"policy.decision\",\"data\":{}}";

    @Test
    void completeLinesAreReadInOrderAndCounted() throws IOException {
        Path file = Files.writeString(dir.resolve("log.jsonl"), A + "\n" + EVENT + "\n");

        List<JsonLinesReader.Line> lines = JsonLinesReader.lines(file);
        JsonLinesReader.Summary s = JsonLinesReader.read(file, line -> { });

        assertThat(lines).extracting(JsonLinesReader.Line::number).containsExactly(1L, 2L);
        assertThat(lines.get(1).json()).containsEntry("event", "policy.decision");
        assertThat(s.lines()).isEqualTo(2);
        assertThat(s.eventLines()).isEqualTo(1);
        assertThat(s.firstEpochMillis()).isEqualTo(1);
        assertThat(s.lastEpochMillis()).isEqualTo(2);
        assertThat(s.tornBytes()).isZero();
        assertThat(s.intact()).isTrue();
    }

    @Test
    void aTornLastLineIsSkippedAndReported() throws IOException {
        String torn = A.substring(0, 20);
        Path file = Files.writeString(dir.resolve("log.jsonl"), A + "\n" + torn);

        JsonLinesReader.Summary s = JsonLinesReader.read(file, line -> { });

        assertThat(s.lines()).isEqualTo(1);
        assertThat(s.tornBytes()).isEqualTo(20);
        assertThat(s.intact()).isTrue();
    }

    @Test
    void aCompleteLastLineWithoutItsNewlineCounts() throws IOException {
        Path file = Files.writeString(dir.resolve("log.jsonl"), A + "\n" + EVENT);

        assertThat(JsonLinesReader.read(file, line -> { }).lines()).isEqualTo(2);
    }

    @Test
    void aBrokenLineInTheMiddleIsCorruption() throws IOException {
        Path file = Files.writeString(dir.resolve("log.jsonl"), A + "\n[1,2]\n" + A.substring(5) + "\n" + EVENT + "\n");

        JsonLinesReader.Summary s = JsonLinesReader.read(file, line -> { });

        assertThat(s.lines()).isEqualTo(2);
        assertThat(s.corruptLines()).isEqualTo(2);
        assertThat(s.intact()).isFalse();
        assertThat(s.problems()).extracting(JsonLinesReader.Problem::lineNumber).containsExactly(2L, 3L);
        assertThat(s.problems().get(0).reason()).isEqualTo("not a JSON object but array");
    }

    @Test
    void rotatedFilesComeOldestFirst() throws IOException {
        Path log = dir.resolve("m.jsonl");
        for (String name : List.of("m.jsonl", "m.jsonl.1", "m.jsonl.2", "m.jsonl.4")) {
            Files.writeString(dir.resolve(name), A + "\n");
        }

        assertThat(JsonLinesReader.withRotated(log)).containsExactly(dir.resolve("m.jsonl.2"), dir.resolve("m.jsonl.1"),
                log);
        assertThat(JsonLinesReader.withRotated(dir.resolve("none.jsonl"))).isEmpty();
    }
}
