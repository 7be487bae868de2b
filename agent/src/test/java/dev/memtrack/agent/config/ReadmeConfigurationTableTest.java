package dev.memtrack.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table is exactly what {@link ConfigKey} says (the table is not edited by hand). */
class ReadmeConfigurationTableTest {

    static String expectedTable() {
        StringBuilder table = new StringBuilder()
                .append("| key | default | accepted | description |\n")
                .append("| --- | --- | --- | --- |\n");
        for (ConfigKey key : ConfigKey.values()) {
            table.append("| `").append(key.key()).append("` | ")
                    .append(key.defaultText().isEmpty() ? "not set" : "`" + key.defaultText() + "`").append(" | ")
                    .append(key.type().accepted()).append(" | ")
                    .append(key.description()).append(key.isSecret() ? " (secret: shown as `******`)" : "")
                    .append(" |\n");
        }
        return table.toString();
    }

    @Test
    void readmeTableMatchesTheConfigKeys() throws IOException {
        Path readme = Path.of(System.getProperty("user.dir")).resolveSibling("README.md");
        String text = Files.readString(readme);

        assertThat(text)
                .as("README.md must contain this table (generated from ConfigKey); paste it over the old one:%n%s",
                        expectedTable())
                .contains(expectedTable());
    }
}
