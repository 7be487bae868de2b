package dev.memtrack.mbeans;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageTextTest {

    @Test
    void aMessageBecomesOneLineWithControlAndBidiCharactersEscaped() {
        assertThat(MessageText.safe("Unknown rule 'line\nbreak\t\u0000\u202Eevil'; rules: cpu"))
                .isEqualTo("Unknown rule 'line\\nbreak\\t\\u0000\\u202Eevil'; rules: cpu");
        assertThat(MessageText.safe("Unknown rule 'ü 名前 😀'")).isEqualTo("Unknown rule 'ü 名前 😀'");
        assertThat(MessageText.safe(null)).isNull();
    }

    @Test
    void aLongQuotedValueIsCutToItsStartWithItsLength() {
        String value = "1,".repeat(50_000);

        assertThat(MessageText.safe("Unknown target '" + value + "': expected workload:<name> or process:<pid>"))
                .isEqualTo("Unknown target '" + value.substring(0, 40) + "...' (100000 characters): expected "
                        + "workload:<name> or process:<pid>");
        assertThat(MessageText.safe("it's 'short' and 'x'")).isEqualTo("it's 'short' and 'x'");
        String cutAlready = "malformed reference '" + "9".repeat(40) + "...' (100000 characters) at position 3";
        assertThat(MessageText.safe(cutAlready)).isEqualTo(cutAlready);
        String apostrophes = "a 'target' asks for memtrack's proxy, which refuses it: use the other JVM's own endpoint";
        assertThat(MessageText.safe(apostrophes)).isEqualTo(apostrophes);
        assertThat(MessageText.safe("Unknown rule 'don't " + "x".repeat(50) + "'; rules: cpu"))
                .isEqualTo("Unknown rule 'don't " + "x".repeat(34) + "...' (56 characters); rules: cpu");
    }

    @Test
    void aVeryLongMessageIsCutSayingSo() {
        String message = "word ".repeat(200);

        assertThat(MessageText.safe(message)).hasSize(600 + "... (message cut at 600 of 1000 characters)".length())
                .endsWith("... (message cut at 600 of 1000 characters)");
    }
}
