package dev.memtrack.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void placesCommasInNestedContainers() {
        String json = new JsonWriter().beginObject().field("a", 1).name("b").beginArray()
                .beginArray().value(1).value(2).endArray().beginObject().endObject().nullValue().endArray()
                .field("c", true).endObject().toString();

        assertThat(json).isEqualTo("{\"a\":1,\"b\":[[1,2],{},null],\"c\":true}");
    }

    @Test
    void escapesStringsAndWritesNonFiniteNumbersAsNull() {
        String json = new JsonWriter().beginArray().value("say \"hi\"\\\n\t\u0001").value(Double.NaN)
                .value(0.25).value((String) null).endArray().toString();

        assertThat(json).isEqualTo("[\"say \\\"hi\\\"\\\\\\n\\t\\u0001\",null,0.25,null]");
    }
}
