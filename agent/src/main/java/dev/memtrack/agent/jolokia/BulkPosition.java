package dev.memtrack.agent.jolokia;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the request a message is about stands in what one HTTP request asked: nothing is said of a
 * single request; one of a bulk request is named by its position ("request 3 of the bulk request"),
 * and, once Jolokia has run the bulk request, with what became of the others.
 */
final class BulkPosition {

    /** When the message is given, which decides what can be said of the other requests. */
    enum Moment {
        /** Refused before Jolokia: no request of the bulk request ran. */
        BEFORE_JOLOKIA(""),
        /** Jolokia runs a bulk request in order and stops at the first request it cannot process. */
        AFTER_JOLOKIA(" (the ones before it were executed, the ones after it were not)");

        private final String others;

        Moment(String others) {
            this.others = others;
        }
    }

    private BulkPosition() {
    }

    /**
     * @param requests the requests of one HTTP request, in order (more than one for a bulk request)
     * @param about what there is to say about one request, if anything
     * @return what there is to say about the first request with something to say, after its position
     */
    static <R> Optional<String> firstMessage(List<R> requests, Function<R, Optional<String>> about, Moment moment) {
        for (int i = 0; i < requests.size(); i++) {
            Optional<String> message = about.apply(requests.get(i));
            if (message.isPresent()) {
                return requests.size() == 1 ? message
                        : Optional.of("request " + (i + 1) + " of the bulk request" + moment.others + ": " + message.get());
            }
        }
        return Optional.empty();
    }
}
