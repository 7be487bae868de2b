package dev.memtrack.agent.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingFileTest {

    @TempDir
    Path dir;

    @Test
    void rotatesBySizeKeepingMaxFilesNewestFirst() throws IOException {
        Path log = dir.resolve("sub/dir/memtrack.jsonl");
        String line = "x".repeat(99); // 100 bytes with the newline
        try (RotatingFile file = new RotatingFile(log, 250, 2)) {
            for (int i = 0; i < 10; i++) {
                file.append(i + line.substring(1));
            }
        }

        assertThat(Files.readAllLines(log)).extracting(l -> l.charAt(0)).containsExactly('8', '9');
        assertThat(Files.readAllLines(dir.resolve("sub/dir/memtrack.jsonl.1")))
                .extracting(l -> l.charAt(0)).containsExactly('6', '7');
        assertThat(Files.readAllLines(dir.resolve("sub/dir/memtrack.jsonl.2")))
                .extracting(l -> l.charAt(0)).containsExactly('4', '5');
        assertThat(dir.resolve("sub/dir/memtrack.jsonl.3")).doesNotExist();
        try (var files = Files.list(log.getParent())) {
            assertThat(files.toList()).allSatisfy(f -> assertThat(Files.size(f)).isLessThanOrEqualTo(250));
        }
    }

    @Test
    void appendsToAnExistingFile() throws IOException {
        Path log = dir.resolve("memtrack.jsonl");
        Files.writeString(log, "old\n");
        try (RotatingFile file = new RotatingFile(log, 4096, 1)) {
            file.append("new");
        }

        assertThat(Files.readAllLines(log)).isEqualTo(List.of("old", "new"));
    }

    @Test
    void aLineLargerThanTheLimitIsStillWrittenWhole() throws IOException {
        Path log = dir.resolve("memtrack.jsonl");
        try (RotatingFile file = new RotatingFile(log, 10, 1)) {
            file.append("a".repeat(50));
            file.append("b".repeat(50));
        }

        assertThat(Files.readString(log)).isEqualTo("b".repeat(50) + "\n");
        assertThat(Files.readString(dir.resolve("memtrack.jsonl.1"))).isEqualTo("a".repeat(50) + "\n");
    }
}
