package dev.memtrack.agent.jolokia;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds requests that ask Jolokia to act as a JSR-160 proxy: a {@code target} (Jolokia 1's form) or
 * {@code options.target} (Jolokia 2's) naming a JMX service URL of another JVM. Such a proxy can be
 * made to open outbound JNDI, RMI or LDAP connections; memtrack ships none and refuses these requests
 * outright, before Jolokia, which would otherwise ignore the target and answer for this JVM.
 */
final class ProxyRequests {

    private ProxyRequests() {
    }

    /** A 403 for the first proxy request in a parsed body (one request or a bulk), if there is one. */
    static Optional<ErrorReply> refusal(Object body) {
        List<?> requests = body instanceof List<?> bulk ? bulk : List.of(body);
        for (Object request : requests) {
            Optional<String> target = target(request);
            if (target.isPresent()) {
                return Optional.of(ErrorReply.forbidden("requests with a 'target' ask for a JSR-160 proxy to "
                        + "another JVM (target " + ConversionExplainer.shown(target.get()) + "); memtrack's "
                        + "Jolokia has no proxy and refuses them: use the other JVM's own endpoint"));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> target(Object request) {
        if (!(request instanceof Map<?, ?> map)) {
            return Optional.empty();
        }
        if (map.containsKey("target")) {
            return Optional.of(String.valueOf(targetUrl(map.get("target"))));
        }
        if (map.get("options") instanceof Map<?, ?> options && options.containsKey("target")) {
            return Optional.of(String.valueOf(targetUrl(options.get("target"))));
        }
        return Optional.empty();
    }

    private static Object targetUrl(Object target) {
        return target instanceof Map<?, ?> t && t.containsKey("url") ? t.get("url") : target;
    }
}
