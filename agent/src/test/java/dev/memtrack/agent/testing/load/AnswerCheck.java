package dev.memtrack.agent.testing.load;

import java.util.List;
import java.util.Map;
import org.jolokia.json.parser.JSONParser;

/**
 * Whether an answer is a success: HTTP 200, a JSON body, Jolokia status 200 in it (in every element
 * of a bulk answer, which must have one element per request). Anything else is an error, described
 * in one line for the report.
 */
final class AnswerCheck {

    /** The verdict; {@code value} is the Jolokia value of a single answer that succeeded. */
    record Verdict(boolean succeeded, String error, Object value) {

        static Verdict failed(String error) {
            return new Verdict(false, error, null);
        }
    }

    private AnswerCheck() {
    }

    static Verdict check(LoadRequest request, KeepAliveConnection.Answer answer) {
        if (answer.status() != 200) {
            return Verdict.failed("HTTP " + answer.status() + ": " + abbreviate(answer.body()));
        }
        Object json;
        try {
            json = new JSONParser().parse(answer.body());
        } catch (Exception e) {
            return Verdict.failed("not JSON: " + abbreviate(answer.body()));
        }
        if (request.expectedAnswers() == 1 && json instanceof Map<?, ?> single) {
            String error = error(single);
            return error == null ? new Verdict(true, null, single.get("value")) : Verdict.failed(error);
        }
        if (request.expectedAnswers() > 1 && json instanceof List<?> many) {
            if (many.size() != request.expectedAnswers()) {
                return Verdict.failed("bulk answer has " + many.size() + " elements for " + request.expectedAnswers()
                        + " requests");
            }
            for (Object element : many) {
                String error = element instanceof Map<?, ?> m ? error(m) : "bulk element is not an object";
                if (error != null) {
                    return Verdict.failed("in bulk: " + error);
                }
            }
            return new Verdict(true, null, null);
        }
        return Verdict.failed("unexpected JSON shape: " + abbreviate(answer.body()));
    }

    private static String error(Map<?, ?> answer) {
        Object status = answer.get("status");
        if (status instanceof Number n && n.intValue() == 200) {
            return null;
        }
        return "Jolokia status " + status + ": " + answer.get("error");
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}
