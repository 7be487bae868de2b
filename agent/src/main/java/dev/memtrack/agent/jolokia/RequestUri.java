package dev.memtrack.agent.jolokia;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jolokia.jvmagent.ParsedUri;
import org.jolokia.server.core.config.ConfigKey;

/**
 * A request's URI as Jolokia 2.6's JVM agent reads it, with its own {@link ParsedUri}: the path below the
 * context, and the query parameters, which Jolokia decodes once more after the URL's own decoding. A GET
 * request is read from that path, or from the {@code p} parameter when the path is empty
 * ({@code GET /jolokia/?p=/exec/...}); {@link JolokiaRequests} leaves that choice to Jolokia's request factory.
 *
 * <p>Immutable.
 */
final class RequestUri {

    /** The query parameter a GET request is read from when the path below the context is empty. */
    static final String PATH_PARAMETER = ConfigKey.PATH_QUERY_PARAM.getKeyValue();

    /** The type and its slash, as Jolokia 2.6's {@code HttpRequestHandler} finds it in a path. */
    private static final Pattern TYPE_PREFIX = Pattern.compile("^/?[^/]+/");
    /** A {@code %} that does not start an escape of two hex digits, which Java's URL decoding refuses. */
    private static final Pattern BAD_ESCAPE = Pattern.compile("%(?![0-9a-fA-F]{2})");

    private final URI uri;
    private final ParsedUri parsed;

    private RequestUri(URI uri, ParsedUri parsed) {
        this.uri = uri;
        this.parsed = parsed;
    }

    /**
     * @param contextPath the context Jolokia strips from the path ({@code /jolokia})
     * @throws IllegalArgumentException if Jolokia cannot decode the query (it would drop the connection
     *         without an answer), with a message naming where and what is accepted
     */
    static RequestUri of(URI uri, String contextPath) {
        try {
            return new RequestUri(uri, new ParsedUri(uri, contextPath));
        } catch (IllegalArgumentException undecodable) {
            throw new IllegalArgumentException("the query cannot be decoded at " + ConversionExplainer.shown(
                    firstBadEscape(uri.getQuery())) + ": Jolokia decodes query parameters twice (as part of the URL, "
                    + "then as form data), so a % in a value is sent as %2525", undecodable);
        }
    }

    /**
     * The path Jolokia's HTTP handler gives its request factory for a GET: the path below the context, or,
     * when the URI as sent holds an escaped slash before a slash ({@code !//}), everything from the type on
     * taken from the URI as sent (its query included) and decoded, as Jolokia 2.6 does to keep such slashes.
     * Empty if Jolokia fails on that itself (and then answers the request without running it).
     */
    Optional<String> pathInfo() {
        String pathInfo = parsed.getPathInfo();
        String sent = uri.toString();
        Matcher type = TYPE_PREFIX.matcher(pathInfo);
        if (!sent.contains("!//") || !type.find()) {
            return Optional.of(pathInfo);
        }
        try {
            String prefix = type.group();
            // The prefix goes in as a replacement, $ and \ included, exactly as Jolokia passes it.
            return Optional.of(URLDecoder.decode(sent.replaceFirst("^.*?" + Pattern.quote(prefix), prefix),
                    StandardCharsets.UTF_8));
        } catch (RuntimeException jolokiaFailsToo) {
            return Optional.empty();
        }
    }

    /** The first value of the {@code p} parameter, as Jolokia takes it; null if there is none. */
    String pathParameter() {
        String[] values = parsed.getParameterMap().get(PATH_PARAMETER);
        return values == null || values.length == 0 ? null : values[0];
    }

    /**
     * Every text Jolokia reads from this URI, decoded as it decodes them: the path, then each parameter's
     * name and values. A path (the {@code p} parameter's too) comes segment by segment, so that a refusal
     * quotes a value rather than the whole path.
     */
    List<String> texts() {
        List<String> texts = new ArrayList<>(segments(uri.getPath()));
        for (Map.Entry<String, String[]> parameter : parsed.getParameterMap().entrySet()) {
            texts.add(parameter.getKey());
            for (String value : parameter.getValue()) {
                if (value != null) {
                    texts.addAll(PATH_PARAMETER.equals(parameter.getKey()) ? segments(value) : List.of(value));
                }
            }
        }
        return texts;
    }

    private static List<String> segments(String path) {
        return Arrays.asList(path.split("/"));
    }

    /** From the first {@code %} Jolokia's second decoding refuses, in the query as decoded once. */
    private static String firstBadEscape(String query) {
        Matcher bad = BAD_ESCAPE.matcher(query);
        return bad.find() ? query.substring(bad.start()) : query;
    }
}
