package dev.memtrack.agent.jolokia;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jolokia.json.JSONObject;
import org.jolokia.server.core.config.ConfigKey;
import org.jolokia.server.core.request.JolokiaRequest;
import org.jolokia.server.core.request.JolokiaRequestFactory;
import org.jolokia.server.core.request.ProcessingParameters;
import org.jolokia.server.core.util.RequestType;

/**
 * The Jolokia requests of one HTTP request, rebuilt as Jolokia parses them, but only when first asked
 * for: Jolokia parses them again itself, and most requests (reads above all) need nothing from them.
 * Jolokia reads requests from a POST body, or from a GET request's URI (its path, or its {@code p}
 * parameter when the path is empty); it runs none of any other method. Whether there is an exec among
 * them is told from their types alone where that is certain, without the rebuild.
 *
 * <p>Not thread-safe: one exchange, one handler thread.
 */
final class JolokiaRequests {

    private static final String PATH_ESCAPE = "!";

    /** The parsed POST body (a request object or an array of them), or null for a request by its URI. */
    private final Object body;
    /** The URI of a GET request; null for a POST, and for a method Jolokia runs no request for. */
    private final RequestUri uri;
    private List<JolokiaRequest> rebuilt;

    private JolokiaRequests(Object body, RequestUri uri) {
        this.body = body;
        this.uri = uri;
    }

    /** @param body a parsed POST body: a request object or an array of request objects */
    static JolokiaRequests posted(Object body) {
        return new JolokiaRequests(body, null);
    }

    /** The request a GET makes by its URI. */
    static JolokiaRequests byUri(RequestUri uri) {
        return new JolokiaRequests(null, uri);
    }

    /** No request: Jolokia answers methods other than GET and POST without running one. */
    static JolokiaRequests none() {
        return new JolokiaRequests(null, null);
    }

    /**
     * Whether Jolokia may find an exec among these requests. False only when it certainly finds none: a
     * GET path whose type is escaped ({@code !}), and a {@code p} parameter behind an empty path, are counted
     * as a possible exec and left to the rebuild.
     */
    boolean mayIncludeExec() {
        if (body instanceof Map<?, ?> single) {
            return isExec(single.get("type"));
        }
        if (body instanceof List<?> bulk) {
            return bulk.stream().anyMatch(r -> r instanceof Map<?, ?> request && isExec(request.get("type")));
        }
        if (body != null || uri == null) {
            return false;
        }
        Optional<String> pathInfo = uri.pathInfo();
        if (pathInfo.isEmpty()) {
            return false;
        }
        String type = typeSegment(pathInfo.get());
        if (type.isEmpty()) {
            return uri.pathParameter() != null;
        }
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
        try {
            if (body instanceof JSONObject single) {
                requests.add(JolokiaRequestFactory.createPostRequest(single, parameters(null)));
            } else if (body instanceof List<?> bulk) {
                for (Object o : bulk) {
                    requests.add(JolokiaRequestFactory.createPostRequest((JSONObject) o, parameters(null)));
                }
            } else if (uri != null) {
                Optional<String> pathInfo = uri.pathInfo();
                if (pathInfo.isPresent()) {
                    // Jolokia's factory decides between the path and the p parameter, as for Jolokia itself.
                    requests.add(JolokiaRequestFactory.createGetRequest(pathInfo.get(),
                            parameters(uri.pathParameter())));
                }
            }
        } catch (Exception cannotRebuild) {
            return List.of();
        }
        return requests;
    }

    /** Of the processing parameters, only the path one decides what a request is. */
    private static ProcessingParameters parameters(String pathParameter) {
        Map<ConfigKey, String> parameters = new HashMap<>();
        if (pathParameter != null) {
            parameters.put(ConfigKey.PATH_QUERY_PARAM, pathParameter);
        }
        return new ProcessingParameters(parameters);
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
