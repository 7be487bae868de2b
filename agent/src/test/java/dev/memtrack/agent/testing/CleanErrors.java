package dev.memtrack.agent.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * What every error answer of the endpoint must look like: a JSON object with a {@code status} and a
 * one-line {@code error}, and nothing that reveals the agent's insides: no stack frame, no
 * {@code stacktrace} or {@code error_value} member, no exception followed by a frame.
 */
public final class CleanErrors {

    /** A frame of a printed stack trace: {@code \tat x.y.Z.m(Z.java:12)} or {@code at ... (Native Method)}. */
    public static final Pattern STACK_FRAME =
            Pattern.compile("\\bat [\\w$./]+\\((?:[\\w$]+\\.java:\\d+|Native Method|Unknown Source)\\)");
    /** {@code SomeException: message} directly followed by a frame on the next line. */
    public static final Pattern EXCEPTION_THEN_FRAME = Pattern.compile("Exception(: [^\\n]*)?\\n\\s*at ");

    private CleanErrors() {
    }

    /**
     * Asserts both layers of an error answer and that it reveals nothing.
     *
     * @param httpStatus the HTTP status (Jolokia answers per-request errors with 200)
     * @param jsonStatus Jolokia's {@code status} in the body
     * @return the {@code error} message, for further checks
     */
    public static String assertError(JolokiaClient.Response r, int httpStatus, int jsonStatus) {
        assertThat(r.httpStatus()).as("HTTP status of %s", r.body()).isEqualTo(httpStatus);
        assertThat(r.json()).as("a JSON object: %s", r.body()).isNotEmpty();
        assertThat(r.status()).as("Jolokia status of %s", r.body()).isEqualTo(jsonStatus);
        assertThat(r.body()).doesNotContain("\tat ").doesNotContain("\\tat ");
        assertNoInsides(r);
        return r.error();
    }

    /**
     * Asserts that an answer (error or not) carries no stack trace: no frame, no exception followed by
     * a frame, no details member. (Answers may quote hostile input, so a bare tab is not evidence.)
     */
    public static void assertNoInsides(JolokiaClient.Response r) {
        assertThat(STACK_FRAME.matcher(r.body()).find()).as("a stack frame in %s", r.body()).isFalse();
        assertThat(EXCEPTION_THEN_FRAME.matcher(r.body().replace("\\n", "\n")).find())
                .as("an exception and a frame in %s", r.body()).isFalse();
        assertNoDetails(r.json());
    }

    private static void assertNoDetails(Map<String, Object> json) {
        assertThat(json).doesNotContainKeys("stacktrace", "error_value");
        if (json.get("error") != null) {
            assertThat(String.valueOf(json.get("error"))).doesNotContain("\n");
        }
    }
}
