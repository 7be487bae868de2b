package dev.memtrack.benchmarks.overhead;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.lucene.demo.IndexFiles;

/** The Lucene demo's {@code IndexFiles} over a tree of Java sources, into a new index directory. */
public final class LuceneWorkload implements Workload {

    @Override
    public void run(Path work, Path input) throws Exception {
        if (input == null || !Files.isDirectory(input)) {
            throw new IllegalArgumentException("LuceneWorkload needs a source tree to index, got " + input);
        }
        Path index = work.resolve("lucene-index");
        delete(index);
        // The demo ends by refusing an index of over 100 documents built without its toy vector dictionary,
        // unless Lucene's own smoke tester runs it: this harness is in the smoke tester's position.
        System.setProperty("smoketester", "true");
        IndexFiles.main(new String[] {"-index", index.toString(), "-docs", input.toString()});
        delete(index);
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
