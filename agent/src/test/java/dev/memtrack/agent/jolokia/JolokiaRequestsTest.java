package dev.memtrack.agent.jolokia;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.util.List;
import org.jolokia.json.parser.JSONParser;
import org.jolokia.server.core.request.JolokiaExecRequest;
import org.jolokia.server.core.request.JolokiaReadRequest;
import org.jolokia.server.core.request.JolokiaRequest;
import org.jolokia.server.core.request.JolokiaVersionRequest;
import org.jolokia.server.core.request.JolokiaWriteRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Telling an exec among a request's Jolokia requests from their types alone, checked against Jolokia's own
 * parse of the same requests: {@link RequestScreen} runs its argument-count pre-check (and rebuilds the
 * requests for it) only when {@link JolokiaRequests#mayIncludeExec()} says so.
 */
class JolokiaRequestsTest {

    private static final String CONTEXT = "/jolokia";

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\":\"read\",\"mbean\":\"java.lang:type=Memory\",\"attribute\":\"HeapMemoryUsage\"}",
            "{\"type\":\"write\",\"mbean\":\"memtrack:type=Processes\",\"attribute\":\"TopN\",\"value\":5}",
            "{\"type\":\"version\"}",
            "[{\"type\":\"read\",\"mbean\":\"java.lang:type=Memory\"},{\"type\":\"list\"},{\"type\":\"version\"},"
                    + "{\"type\":\"search\",\"mbean\":\"memtrack:*\"}]",
            // Jolokia refuses these itself; they are no exec either.
            "{\"type\":5,\"mbean\":\"memtrack:type=Processes\",\"operation\":\"top\"}",
            "{\"mbean\":\"memtrack:type=Processes\",\"operation\":\"top\"}",
            "{\"type\":\"execute\",\"mbean\":\"memtrack:type=Processes\",\"operation\":\"top\"}"})
    void postedReadsAndBulkRequestsWithoutAnExecSkipThePreCheck(String body) throws Exception {
        JolokiaRequests requests = JolokiaRequests.posted(parse(body));

        assertThat(requests.mayIncludeExec()).isFalse();
        assertThat(requests.all()).as("Jolokia's own parse").noneMatch(JolokiaExecRequest.class::isInstance);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "read/java.lang:type=Memory/HeapMemoryUsage",
            "read/memtrack:type=Simulator,name=Paging/exec",
            "list/memtrack",
            "version",
            "",
            "write/memtrack:type=Processes/TopN/5",
            "search/memtrack:*",
            "execute/memtrack:type=Processes/top"})
    void readsAndOtherRequestsByPathSkipThePreCheck(String path) {
        JolokiaRequests requests = JolokiaRequests.byPath(uri(path), CONTEXT);

        assertThat(requests.mayIncludeExec()).isFalse();
        assertThat(requests.all()).as("Jolokia's own parse").noneMatch(JolokiaExecRequest.class::isInstance);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\":\"exec\",\"mbean\":\"memtrack:type=Processes\",\"operation\":\"top\",\"arguments\":[3]}",
            "{\"type\":\"EXEC\",\"mbean\":\"memtrack:type=Processes\",\"operation\":\"top\",\"arguments\":[3]}",
            "[{\"type\":\"read\",\"mbean\":\"java.lang:type=Memory\"},"
                    + "{\"type\":\"Exec\",\"mbean\":\"memtrack:type=Processes\",\"operation\":\"top\"}]"})
    void anExecPostedAloneOrInABulkRequestIsChecked(String body) throws Exception {
        JolokiaRequests requests = JolokiaRequests.posted(parse(body));

        assertThat(requests.mayIncludeExec()).isTrue();
        assertThat(requests.all()).as("Jolokia's own parse").anyMatch(JolokiaExecRequest.class::isInstance);
    }

    @ParameterizedTest
    @ValueSource(strings = {"exec/memtrack:type=Processes/top/3", "EXEC/memtrack:type=Processes/top/3",
            "ex!ec/memtrack:type=Processes/top/3"})
    void anExecByPathIsChecked(String path) {
        JolokiaRequests requests = JolokiaRequests.byPath(uri(path), CONTEXT);

        assertThat(requests.mayIncludeExec()).isTrue();
        assertThat(requests.all()).as("Jolokia's own parse").singleElement().isInstanceOf(JolokiaExecRequest.class);
    }

    @Test
    void anEscapedTypeIsLeftToJolokiasParseWhichRebuildsWhatJolokiaReads() {
        JolokiaRequests escapedRead = JolokiaRequests.byPath(uri("re!ad/java.lang:type=Memory/HeapMemoryUsage"), CONTEXT);

        assertThat(escapedRead.mayIncludeExec()).as("told only by the rebuild").isTrue();
        assertThat(escapedRead.all()).singleElement().isInstanceOf(JolokiaReadRequest.class);
    }

    @Test
    void theRequestsAreRebuiltInOrderAndOnlyOnce() throws Exception {
        JolokiaRequests bulk = JolokiaRequests.posted(parse("[{\"type\":\"version\"},{\"type\":\"write\","
                + "\"mbean\":\"memtrack:type=Processes\",\"attribute\":\"TopN\",\"value\":\"ten\"}]"));

        List<JolokiaRequest> all = bulk.all();
        assertThat(all).hasSize(2);
        assertThat(all.get(0)).isInstanceOf(JolokiaVersionRequest.class);
        assertThat(all.get(1)).isInstanceOfSatisfying(JolokiaWriteRequest.class,
                w -> assertThat(w.getValue()).isEqualTo("ten"));
        assertThat(bulk.all()).isSameAs(all);
    }

    @Test
    void requestsJolokiaCannotParseAreNone() throws Exception {
        assertThat(JolokiaRequests.posted(parse("[{\"type\":\"version\"},{\"type\":\"nope\"}]")).all()).isEmpty();
        assertThat(JolokiaRequests.byPath(uri("exec/::/top"), CONTEXT).all()).isEmpty();
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:8778" + CONTEXT + "/" + path);
    }

    /** As {@link RequestScreen} parses a body: with Jolokia's JSON parser. */
    private static Object parse(String json) throws Exception {
        return new JSONParser().parse(new StringReader(json));
    }
}
