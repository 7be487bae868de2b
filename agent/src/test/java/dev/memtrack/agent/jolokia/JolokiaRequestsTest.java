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
        JolokiaRequests requests = JolokiaRequests.byUri(uri(path));

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
        JolokiaRequests requests = JolokiaRequests.byUri(uri(path));

        assertThat(requests.mayIncludeExec()).isTrue();
        assertThat(requests.all()).as("Jolokia's own parse").singleElement().isInstanceOf(JolokiaExecRequest.class);
    }

    @Test
    void anEscapedTypeIsLeftToJolokiasParseWhichRebuildsWhatJolokiaReads() {
        JolokiaRequests escapedRead = JolokiaRequests.byUri(uri("re!ad/java.lang:type=Memory/HeapMemoryUsage"));

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
        assertThat(JolokiaRequests.byUri(uri("exec/::/top")).all()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/jolokia/?p=/exec/memtrack:type=Processes/top/3",
            "/jolokia?p=exec/memtrack:type=Processes/top/3",
            "/jolokia//?maxDepth=2&p=/EXEC/memtrack:type=Processes/top/3",
            "/jolokia/?p=%2Fexec%2Fmemtrack%3Atype%3DProcesses%2Ftop%2F3",
            "/jolokia/?p=/exec/memtrack:type=Processes/top/3&p=/read/java.lang:type=Memory"})
    void anExecInThePQueryParameterOfAnEmptyPathIsCheckedAsJolokiaReadsIt(String pathAndQuery) {
        JolokiaRequests requests = JolokiaRequests.byUri(at(pathAndQuery));

        assertThat(requests.mayIncludeExec()).isTrue();
        assertThat(requests.all()).as("Jolokia's own parse").singleElement().isInstanceOfSatisfying(
                JolokiaExecRequest.class, exec -> {
                    assertThat(exec.getOperation()).isEqualTo("top");
                    assertThat(exec.getArguments()).isEqualTo(List.of("3"));
                });
    }

    @Test
    void thePQueryParameterIsReadOnlyBehindAnEmptyPath() {
        JolokiaRequests read = JolokiaRequests.byUri(uri("read/java.lang:type=Memory/HeapMemoryUsage"
                + "?p=/exec/memtrack:type=Processes/top/3"));
        assertThat(read.mayIncludeExec()).isFalse();
        assertThat(read.all()).singleElement().isInstanceOf(JolokiaReadRequest.class);

        JolokiaRequests readByQuery = JolokiaRequests.byUri(at("/jolokia/?p=/read/java.lang:type=Memory/HeapMemoryUsage"));
        assertThat(readByQuery.mayIncludeExec()).as("told only by the rebuild").isTrue();
        assertThat(readByQuery.all()).singleElement().isInstanceOf(JolokiaReadRequest.class);

        JolokiaRequests version = JolokiaRequests.byUri(at("/jolokia/?maxDepth=2"));
        assertThat(version.mayIncludeExec()).isFalse();
        assertThat(version.all()).singleElement().isInstanceOf(JolokiaVersionRequest.class);
    }

    @Test
    void anEscapedSlashBeforeASlashMakesJolokiaReadTheArgumentsFromTheUriAsSentQueryIncluded() {
        // Jolokia 2.6 then takes the path from the URI as sent, so that "!/" at the end of a segment survives.
        JolokiaRequests requests = JolokiaRequests.byUri(uri("exec/memtrack:type=Processes/top/3?a/b!//"));

        assertThat(requests.mayIncludeExec()).isTrue();
        assertThat(requests.all()).singleElement().isInstanceOfSatisfying(JolokiaExecRequest.class,
                exec -> assertThat(exec.getArguments()).isEqualTo(List.of("3?a", "b/")));
    }

    @Test
    void methodsOtherThanGetAndPostCarryNoRequest() {
        JolokiaRequests none = JolokiaRequests.none();

        assertThat(none.mayIncludeExec()).isFalse();
        assertThat(none.all()).isEmpty();
    }

    private static RequestUri uri(String path) {
        return at(CONTEXT + "/" + path);
    }

    /** @param pathAndQuery as sent, from the context on */
    private static RequestUri at(String pathAndQuery) {
        return RequestUri.of(URI.create("http://127.0.0.1:8778" + pathAndQuery), CONTEXT);
    }

    /** As {@link RequestScreen} parses a body: with Jolokia's JSON parser. */
    private static Object parse(String json) throws Exception {
        return new JSONParser().parse(new StringReader(json));
    }
}
