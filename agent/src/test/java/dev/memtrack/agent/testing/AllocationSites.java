package dev.memtrack.agent.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.agent.testing.apps.AllocatingApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The allocation sites of {@link AllocatingApp} as memtrack names them,
 * {@code dev.memtrack.agent.testing.apps.AllocatingApp.intArray(AllocatingApp.java:77)}, with the line
 * of the {@code // site: <form>} comment read from the app's source, so no line number is written
 * into a test.
 */
public final class AllocationSites {

    private static final String SOURCE = "src/test/java/" + AllocatingApp.class.getName().replace('.', '/') + ".java";
    private static Map<String, Integer> lines;

    private AllocationSites() {
    }

    public static String of(String form) {
        return AllocatingApp.class.getName() + "." + form + "(AllocatingApp.java:" + line(form) + ")";
    }

    private static synchronized int line(String form) {
        if (lines == null) {
            Map<String, Integer> found = new HashMap<>();
            Path source = Path.of(SOURCE).toAbsolutePath();
            try {
                List<String> text = Files.readAllLines(source);
                for (int i = 0; i < text.size(); i++) {
                    int at = text.get(i).indexOf("// site: ");
                    if (at >= 0) {
                        found.put(text.get(i).substring(at + "// site: ".length()).trim(), i + 1);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + source, e);
            }
            lines = found;
        }
        assertThat(lines).as("site comments in " + SOURCE).containsKey(form);
        return lines.get(form);
    }
}
