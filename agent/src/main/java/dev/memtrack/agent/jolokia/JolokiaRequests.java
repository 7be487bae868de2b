package dev.memtrack.agent.jolokia;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jolokia.json.JSONObject;
import org.jolokia.jvmagent.ParsedUri;
import org.jolokia.server.core.request.JolokiaRequest;
import org.jolokia.server.core.request.JolokiaRequestFactory;
import org.jolokia.server.core.request.ProcessingParameters;
import org.jolokia.server.core.util.RequestType;

/**
 * The Jolokia requests of one HTTP request, rebuilt as Jolokia parses them, but only when first asked
 * for: Jolokia parses them again itself, and most requests (reads above all) need nothing from them.
 * Whether there is an exec among them is told from their types alone, without the rebuild.
 *
 * <p>Not thread-safe: one exchange, one handler thread.
 */
final class JolokiaRequests {

    private static final String PATH_ESCAPE = "!";

    /** The parsed POST body (a request object or an array of them), or null for a request by its URI. */
    private final Object body;
    private final URI uri;
    private final String contextPath;
    private List<JolokiaRequest> rebuilt;

    private JolokiaRequests(Object body, URI uri, String contextPath) {
        this.body = body;
        this.uri = uri;
        this.contextPath = contextPath;
    }

    /** @param body a parsed POST body: a request object or an array of request objects */
    static JolokiaRequests posted(Object body) {
        return new JolokiaRequests(body, null, null);
    }

    /** The request a GET (or any request without a body) makes by its path below {@code contextPath}. */
    static JolokiaRequests byPath(URI uri, String contextPath) {
        return new JolokiaRequests(null, uri, contextPath);
    }

    /**
     * Whether Jolokia may find an exec among these requests. False only when it certainly finds none: a
     * GET path whose type is escaped ({@code !}) is counted as a possible exec and left to the rebuild.
     */
    boolean mayIncludeExec() {
        if (body instanceof Map<?, ?> single) {
            return isExec(single.get("type"));
        }
        if (body instanceof List<?> bulk) {
            return bulk.stream().anyMatch(r -> r instanceof Map<?, ?> request && isExec(request.get("type")));
        }
        if (body != null) {
            return false;
        }
        String type = typeSegment(pathInfo());
        return type.contains(PATH_ESCAPE) || isExec(type);
    }

    /** The requests as Jolokia parses them, in order; empty if Jolokia cannot parse them all. */
    List<JolokiaRequest> all() {
        if (rebuilt == null) {
            rebuilt = rebuild();
        }
        return rebuilt;
    }

    private List<JolokiaRequest> rebuild() {
        List<JolokiaRequest> requests = new ArrayList<>();
        ProcessingParameters parameters = new ProcessingParameters(new HashMap<>());
        try {
            if (body instanceof JSONObject single) {
                requests.add(JolokiaRequestFactory.createPostRequest(single, parameters));
            } else if (body instanceof List<?> bulk) {
                for (Object o : bulk) {
                    requests.add(JolokiaRequestFactory.createPostRequest((JSONObject) o, parameters));
                }
            } else if (body == null) {
                requests.add(JolokiaRequestFactory.createGetRequest(pathInfo(), parameters));
            }
        } catch (Exception cannotRebuild) {
            return List.of();
        }
        return requests;
    }

    private String pathInfo() {
        return new ParsedUri(uri, contextPath).getPathInfo();
    }

    /** The first element of a GET path, which Jolokia reads as the type; still escaped. */
    private static String typeSegment(String pathInfo) {
        String path = pathInfo.startsWith("/") ? pathInfo.substring(1) : pathInfo;
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash);
    }

    /** As Jolokia tells a request's type (case-insensitive); anything else it refuses or rebuilds otherwise. */
    private static boolean isExec(Object type) {
        try {
            return type instanceof String name && RequestType.getTypeByName(name) == RequestType.EXEC;
        } catch (IllegalArgumentException unknownType) {
            return false;
        }
    }
}
