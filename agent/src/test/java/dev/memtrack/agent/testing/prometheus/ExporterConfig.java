package dev.memtrack.agent.testing.prometheus;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The shipped Prometheus JMX exporter configuration ({@code prometheus/memtrack-jmx-exporter.yaml}),
 * read as YAML: its object name filter, its exclusions and its rules.
 */
public final class ExporterConfig {

    /** One rule as written (name and help may hold {@code $n} references to the pattern's groups). */
    public record Rule(String pattern, String name, String type, String help) {
    }

    private final Path file;
    private final Map<String, Object> yaml;

    private ExporterConfig(Path file, Map<String, Object> yaml) {
        this.file = file;
        this.yaml = yaml;
    }

    /** {@code -Dmemtrack.it.jmxExporterConfig}, by default {@code ../prometheus/memtrack-jmx-exporter.yaml}. */
    public static Path path() {
        return Path.of(System.getProperty("memtrack.it.jmxExporterConfig", "../prometheus/memtrack-jmx-exporter.yaml"))
                .toAbsolutePath().normalize();
    }

    /** The exporter agent jar, copied by the build: {@code -Dmemtrack.it.jmxExporterJar}. */
    public static Path exporterJar() {
        return Path.of(System.getProperty("memtrack.it.jmxExporterJar",
                "target/it-libs/jmx_prometheus_javaagent-1.0.1.jar")).toAbsolutePath();
    }

    @SuppressWarnings("unchecked")
    public static ExporterConfig read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new ExporterConfig(file, (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(in));
        }
    }

    public Path file() {
        return file;
    }

    @SuppressWarnings("unchecked")
    public List<String> includeObjectNames() {
        return (List<String>) yaml.getOrDefault("includeObjectNames", List.of());
    }

    /** Canonical ObjectName to the attributes the exporter must not read. */
    @SuppressWarnings("unchecked")
    public Map<String, List<String>> excludedAttributes() {
        return (Map<String, List<String>>) yaml.getOrDefault("excludeObjectNameAttributes", Map.of());
    }

    @SuppressWarnings("unchecked")
    public List<Rule> rules() {
        return ((List<Map<String, Object>>) yaml.getOrDefault("rules", List.of())).stream()
                .map(r -> new Rule(String.valueOf(r.get("pattern")), (String) r.get("name"), (String) r.get("type"),
                        (String) r.get("help")))
                .toList();
    }
}
