package dev.memtrack.agent.jolokia;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides from its headers whether an HTTP request may reach Jolokia at all, before any policy or
 * credentials: what stops a web page in the user's browser from talking to the endpoint.
 * <ul>
 *   <li>{@code Sec-Fetch-Site: cross-site}: a page of another site sent it: refused.</li>
 *   <li>{@code Host} (only when the endpoint listens on loopback): must name a loopback host
 *       ({@code localhost}, {@code 127.x.y.z}, {@code [::1]}); a DNS name that happens to resolve to
 *       127.0.0.1 is a DNS rebinding attack: refused.</li>
 *   <li>{@code Origin}, when present: must be a loopback origin or the endpoint itself
 *       (same host and port as the {@code Host} header); {@code Origin: null} is refused.</li>
 * </ul>
 * Requests without these headers (curl, Prometheus, JConsole plugins) pass. Host names are never
 * resolved: only literal addresses and {@code localhost} count as loopback.
 *
 * <p>Immutable and thread-safe.
 */
public final class RequestOrigin {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final boolean loopbackEndpoint;

    /** @param loopbackEndpoint whether the endpoint listens on a loopback address only */
    public RequestOrigin(boolean loopbackEndpoint) {
        this.loopbackEndpoint = loopbackEndpoint;
    }

    /**
     * @param host         the {@code Host} header, or {@code null}
     * @param origin       the {@code Origin} header, or {@code null}
     * @param secFetchSite the {@code Sec-Fetch-Site} header, or {@code null}
     * @return why the request is refused, or empty if it may go on
     */
    public Optional<String> refusal(String host, String origin, String secFetchSite) {
        if (secFetchSite != null && secFetchSite.trim().equalsIgnoreCase("cross-site")) {
            return Optional.of("cross-site browser requests are refused (Sec-Fetch-Site: cross-site)");
        }
        if (loopbackEndpoint && host != null && !isLoopbackName(hostName(host))) {
            return Optional.of("Host '" + host + "' is not a loopback name; this endpoint only answers requests "
                    + "addressed to localhost, 127.0.0.1 or [::1]");
        }
        if (origin != null) {
            Optional<String> originHost = originAuthority(origin).map(RequestOrigin::hostName);
            boolean allowed = originHost.isPresent()
                    && (isLoopbackName(originHost.get()) || sameAuthority(origin, host));
            if (!allowed) {
                return Optional.of("Origin '" + origin + "' is neither a loopback origin nor this endpoint");
            }
        }
        return Optional.empty();
    }

    /** Whether a host name (without port or brackets) is {@code localhost} or a loopback address literal. */
    static boolean isLoopbackName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("localhost")) {
            return true;
        }
        if (!IPV4.matcher(n).matches() && !n.contains(":")) {
            return false;
        }
        try {
            // A literal: no DNS lookup happens.
            return InetAddress.getByName(n).isLoopbackAddress();
        } catch (UnknownHostException notALiteral) {
            return false;
        }
    }

    /** {@code "localhost:8778"} to {@code "localhost"}, {@code "[::1]:8778"} to {@code "::1"}. */
    static String hostName(String authority) {
        String a = authority.trim();
        if (a.startsWith("[")) {
            int end = a.indexOf(']');
            return end > 0 ? a.substring(1, end) : a;
        }
        int colon = a.indexOf(':');
        if (colon >= 0 && a.indexOf(':', colon + 1) < 0) {
            return a.substring(0, colon);
        }
        return a;
    }

    private static Optional<String> originAuthority(String origin) {
        try {
            URI uri = new URI(origin.trim());
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return Optional.empty();
            }
            return Optional.of(uri.getRawAuthority());
        } catch (Exception notAUri) {
            return Optional.empty();
        }
    }

    private static boolean sameAuthority(String origin, String host) {
        return host != null && originAuthority(origin).map(a -> a.equalsIgnoreCase(host.trim())).orElse(false);
    }
}
