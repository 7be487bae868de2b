package dev.memtrack.agent.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.mbeans.CoreLoad;
import dev.memtrack.mbeans.SubsystemState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jolokia.json.parser.JSONParser;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    record Sample(String name, long bytes, double percent, List<CoreLoad> cores, SubsystemState state,
                  Optional<String> note, int[] raw) {
    }

    @Test
    void recordsBecomeObjectsThatAJsonParserReadsBack() throws Exception {
        Sample sample = new Sample("a \"quoted\"\n\tline\\ \u0001", 1L << 40, 12.5,
                List.of(new CoreLoad(0, 99.5), new CoreLoad(1, -1)), SubsystemState.RUNNING, Optional.empty(),
                new int[] {1, 2});

        String json = JsonWriter.write(sample);
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = (Map<String, Object>) new JSONParser().parse(json);

        assertThat(parsed.get("name")).isEqualTo("a \"quoted\"\n\tline\\ \u0001");
        assertThat(((Number) parsed.get("bytes")).longValue()).isEqualTo(1L << 40);
        assertThat(((Number) parsed.get("percent")).doubleValue()).isEqualTo(12.5);
        assertThat(parsed.get("state")).isEqualTo("RUNNING");
        assertThat(parsed.get("note")).isNull();
        assertThat((List<?>) parsed.get("cores")).hasSize(2);
        assertThat((List<?>) parsed.get("raw")).hasSize(2);
    }

    @Test
    void nonFiniteNumbersBecomeNull() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nan", Double.NaN);
        m.put("inf", Double.POSITIVE_INFINITY);
        m.put("ok", 1.5f);

        assertThat(JsonWriter.write(m)).isEqualTo("{\"nan\":null,\"inf\":null,\"ok\":1.5}");
    }
}
