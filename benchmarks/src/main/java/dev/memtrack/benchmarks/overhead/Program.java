package dev.memtrack.benchmarks.overhead;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real programs of the overhead harness: the jars Maven copied for each, and its driver, named
 * rather than referenced (the harness must not load drivers, which link against the programs' libraries).
 */
enum Program {

    /** H2 2.2.224: RunScript over an in-memory database (tables, inserts, joins, aggregates, updates). */
    H2("h2", "dev.memtrack.benchmarks.overhead.H2Workload"),
    /** Jackson 2.17.2: serialize and parse a realistic document, data binding and tree model. */
    JACKSON("jackson", "dev.memtrack.benchmarks.overhead.JacksonWorkload"),
    /** Jetty 11.0.24: a server and its HTTP client exchanging requests over loopback. */
    JETTY("jetty", "dev.memtrack.benchmarks.overhead.JettyWorkload"),
    /** Lucene 9.10.0: the demo's IndexFiles over a tree of Java sources. */
    LUCENE("lucene", "dev.memtrack.benchmarks.overhead.LuceneWorkload");

    private final String directory;
    private final String workloadClass;

    Program(String directory, String workloadClass) {
        this.directory = directory;
        this.workloadClass = workloadClass;
    }

    String label() {
        return directory;
    }

    String workloadClass() {
        return workloadClass;
    }

    /** The program's jars, copied by the build into {@code <overhead>/<name>/}. */
    List<Path> jars(Path overhead) {
        Path dir = overhead.resolve(directory);
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
            if (jars.isEmpty()) {
                throw new IllegalStateException("no jars in " + dir + "; build with mvn -pl benchmarks -am package");
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + "; build with mvn -pl benchmarks -am package", e);
        }
    }

    static Program byLabel(String label) {
        for (Program p : values()) {
            if (p.directory.equals(label)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown program '" + label + "'; expected one of h2, jackson, jetty, lucene");
    }
}
