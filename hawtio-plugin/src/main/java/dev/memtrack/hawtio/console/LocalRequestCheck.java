package dev.memtrack.hawtio.console;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a request may reach the console while it runs without authentication on loopback. Binding
 * to loopback keeps other machines out; this keeps web pages out that the user's browser happens to show:
 * <ul>
 *   <li>the Host header must name a loopback host (a DNS-rebinding page sends its own host name);</li>
 *   <li>an Origin header must be this console's origin (a foreign page's POST to the proxy carries its own);</li>
 *   <li>a request another site started ({@code Sec-Fetch-Site: cross-site / same-site}) may only be a plain
 *       navigation to the landing page, because Jolokia also executes operations on GET.</li>
 * </ul>
 * Stateless and thread-safe.
 */
final class LocalRequestCheck {

    private LocalRequestCheck() {
    }

    /**
     * @return why the request is refused, or empty if it may pass; header arguments are null when absent
     */
    static Optional<String> rejection(String method, String path, String host, String origin, String fetchSite,
                                      String fetchMode) {
        if (host == null || !isLoopbackHost(hostName(host))) {
            return Optional.of("Refused: this console answers only requests addressed to a loopback host "
                    + "(127.0.0.1, localhost or [::1]), not '" + host + "'.");
        }
        if (origin != null && !isOwnOrigin(origin, host)) {
            return Optional.of("Refused: requests from the page at '" + origin + "' may not use this console.");
        }
        if (fetchSite != null) {
            String site = fetchSite.toLowerCase(Locale.ROOT);
            boolean foreign = site.equals("cross-site") || site.equals("same-site");
            boolean landingNavigation = ("GET".equals(method) || "HEAD".equals(method))
                    && "navigate".equalsIgnoreCase(fetchMode) && "/".equals(path);
            if (foreign && !landingNavigation) {
                return Optional.of("Refused: another site started this request; open the console's own address "
                        + "directly.");
            }
        }
        return Optional.empty();
    }

    private static boolean isOwnOrigin(String origin, String host) {
        try {
            URI uri = new URI(origin);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
                return false;
            }
            String authority = uri.getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The host of a Host header value: strips the port, keeps IPv6 brackets. */
    static String hostName(String hostHeader) {
        String value = hostHeader.trim();
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            return close > 0 ? value.substring(0, close + 1) : value;
        }
        int colon = value.lastIndexOf(':');
        return colon >= 0 ? value.substring(0, colon) : value;
    }

    static boolean isLoopbackHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.matches("127(\\.\\d{1,3}){3}");
    }
}
