package dev.memtrack.agent.jolokia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * Reading a request's URI as Jolokia 2.6 reads it: its query decoded twice, the {@code p} parameter, the
 * path Jolokia's HTTP handler passes on, and every text in it for {@link ControlCharacters}.
 */
class RequestUriTest {

    private static final String CONTEXT = "/jolokia";

    @Test
    void theTextsAreThePathSegmentsAndTheParametersDecodedAsJolokiaDecodesThem() {
        RequestUri uri = at("/jolokia/exec/a%0Bb?maxDepth=x%250By&p=/exec/c/d%250Be&flag");

        assertThat(uri.texts()).as("the query decoded twice; the p parameter, a path, segment by segment")
                .containsSubsequence("jolokia", "exec", "a\u000Bb")
                .contains("maxDepth", "x\u000By", "p", "c", "d\u000Be", "flag")
                .doesNotContain("/exec/c/d\u000Be");
    }

    @Test
    void thePathParameterIsTheFirstPValueOrNone() {
        assertThat(at("/jolokia/?p=/version&p=/exec/a:b=c/op").pathParameter()).isEqualTo("/version");
        assertThat(at("/jolokia/?p=").pathParameter()).isEmpty();
        assertThat(at("/jolokia/?p").pathParameter()).as("a bare name has no value").isNull();
        assertThat(at("/jolokia/?maxDepth=1").pathParameter()).isNull();
        assertThat(at("/jolokia/version").pathParameter()).isNull();
    }

    @Test
    void thePathInfoIsThePathBelowTheContextUnlessAnEscapedSlashEndsASegment() {
        assertThat(at("/jolokia/read/a:b=c/X").pathInfo()).contains("read/a:b=c/X");
        assertThat(at("/jolokia/?p=/version").pathInfo()).contains("/");
        assertThat(at("/jolokia?p=/version").pathInfo()).contains("");
        assertThat(at("/jolokia/exec/a:b=c/op/x+y!//z?q=1").pathInfo()).as("from the URI as sent, decoded as form data")
                .contains("exec/a:b=c/op/x y!//z?q=1");
        assertThat(at("/jolokia/?p=/exec/a:b=c/op/x!//y").pathInfo()).as("no type in the path: the p parameter decides")
                .contains("/");
    }

    @Test
    void aQueryJolokiaCannotDecodeIsRefusedWhereItFails() {
        assertThatThrownBy(() -> at("/jolokia/?maxDepth=1&p=/exec/a:b=c/op/100%25zz"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the query cannot be decoded at \"%zz\": Jolokia decodes query parameters twice (as part "
                        + "of the URL, then as form data), so a % in a value is sent as %2525");
        assertThatThrownBy(() -> at("/jolokia/?p=/exec/a:b=c/op/100%25")).hasMessageStartingWith(
                "the query cannot be decoded at \"%\":");
        assertThat(at("/jolokia/?p=/exec/a:b=c/op/100%2525").pathParameter()).isEqualTo("/exec/a:b=c/op/100%");
    }

    /** @param pathAndQuery as sent, from the context on */
    private static RequestUri at(String pathAndQuery) {
        return RequestUri.of(URI.create("http://127.0.0.1:8778" + pathAndQuery), CONTEXT);
    }
}
