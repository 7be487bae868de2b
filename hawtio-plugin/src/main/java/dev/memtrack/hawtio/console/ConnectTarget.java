package dev.memtrack.hawtio.console;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A JVM the console connects to, given on the command line as {@code --memtrack.connect=[name=]URL} with the
 * URL of its Jolokia endpoint. The fields are those of a Hawtio Connect connection.
 *
 * @param name   shown in the console's header; defaults to {@code host:port}
 * @param scheme http or https
 * @param host   host name or address as written
 * @param port   TCP port (80 / 443 when the URL has none)
 * @param path   Jolokia path without a trailing slash, e.g. {@code /jolokia}
 */
public record ConnectTarget(String name, String scheme, String host, int port, String path) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final String OPTION = "--memtrack.connect";
    private static final String EXAMPLE = OPTION + "=http://127.0.0.1:8778/jolokia/ or "
            + OPTION + "=demo=http://127.0.0.1:8778/jolokia/";

    /** Parses {@code [name=]URL}; a URL without a path gets {@code /jolokia}. */
    public static ConnectTarget parse(String spec) {
        String text = spec == null ? "" : spec.trim();
        String name = null;
        int equals = text.indexOf('=');
        int schemeEnd = text.indexOf("://");
        if (equals > 0 && (schemeEnd < 0 || equals < schemeEnd)) {
            name = text.substring(0, equals).trim();
            text = text.substring(equals + 1).trim();
            if (!NAME.matcher(name).matches()) {
                throw invalid(spec, "the name '" + name + "' must be 1-64 letters, digits, '.', '_', ':' or '-'");
            }
        }
        if (!text.contains("://")) {
            throw invalid(spec, "it must start with http:// or https://");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(spec, "it is not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(spec, "the scheme must be http or https");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid(spec, "it names no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid(spec, "credentials do not belong on the command line; the console asks for them when "
                    + "the JVM requires a login");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(spec, "a Jolokia URL has no query or fragment");
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/jolokia" : uri.getRawPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String host = uri.getHost();
        return new ConnectTarget(name != null ? name : host + ":" + port, scheme, host, port, path);
    }

    /** The Jolokia URL, e.g. {@code http://127.0.0.1:8778/jolokia/}. */
    public String url() {
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return scheme + "://" + hostPart + ":" + port + path + (path.endsWith("/") ? "" : "/");
    }

    private static ConsoleConfigurationException invalid(String spec, String reason) {
        return new ConsoleConfigurationException(
                "Invalid " + OPTION + " value '" + spec + "': " + reason + ".",
                "Give the Jolokia URL of each JVM, e.g. " + EXAMPLE + "; repeat the option for several JVMs.");
    }
}
