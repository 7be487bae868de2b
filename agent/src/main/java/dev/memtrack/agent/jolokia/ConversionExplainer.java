package dev.memtrack.agent.jolokia;

import dev.memtrack.agent.log.JsonWriter;
import java.util.List;
import java.util.Optional;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServer;
import javax.management.openmbean.OpenMBeanAttributeInfo;
import javax.management.openmbean.OpenMBeanParameterInfo;
import javax.management.openmbean.OpenType;
import org.jolokia.converter.object.ObjectToObjectConverter;
import org.jolokia.converter.object.ObjectToOpenTypeConverter;
import org.jolokia.server.core.request.JolokiaExecRequest;
import org.jolokia.server.core.request.JolokiaRequest;
import org.jolokia.server.core.request.JolokiaWriteRequest;

/**
 * Says which argument of an exec request, or which written value, Jolokia could not convert, and
 * what that parameter accepts. Jolokia itself answers only {@code Can't process JolokiaExecRequest[...]};
 * this converts the request's values again with Jolokia's own converters, in the way its exec and
 * write handlers do (open types where the MBean declares them), to find the one that fails.
 *
 * <p>Thread-safe: the converters keep no state between calls.
 */
final class ConversionExplainer {

    /** Longest excerpt of a value quoted in a message. */
    static final int MAX_SHOWN_CHARS = 40;

    private final MBeanServer server;
    private final OperationSignatures signatures;
    private final ObjectToObjectConverter objects = new ObjectToObjectConverter();
    private final ObjectToOpenTypeConverter openTypes = new ObjectToOpenTypeConverter(objects, false);

    ConversionExplainer(MBeanServer server) {
        this.server = server;
        this.signatures = new OperationSignatures(server);
    }

    /**
     * @param requests the requests of one HTTP request, in order (more than one for a bulk request)
     * @return why the first request with a value Jolokia cannot convert fails, if any does
     */
    Optional<String> explain(List<JolokiaRequest> requests) {
        return BulkPosition.firstMessage(requests, this::explain, BulkPosition.Moment.AFTER_JOLOKIA);
    }

    private Optional<String> explain(JolokiaRequest request) {
        try {
            if (request instanceof JolokiaExecRequest exec) {
                return explainExec(exec);
            }
            if (request instanceof JolokiaWriteRequest write) {
                return explainWrite(write);
            }
        } catch (JMException | RuntimeException cannotTell) {
            // The MBean went away or cannot describe itself: Jolokia's own message has to do.
        }
        return Optional.empty();
    }

    private Optional<String> explainExec(JolokiaExecRequest exec) throws JMException {
        List<?> arguments = exec.getArguments() == null ? List.of() : exec.getArguments();
        // The one signature Jolokia would pick, as its exec handler does; none if it is ambiguous.
        List<MBeanParameterInfo[]> candidates = signatures.of(exec.getObjectName(), exec.getOperation()).stream()
                .filter(s -> s.length == arguments.size()).toList();
        if (candidates.size() != 1) {
            return Optional.empty();
        }
        MBeanParameterInfo[] signature = candidates.get(0);
        for (int i = 0; i < signature.length; i++) {
            MBeanParameterInfo parameter = signature[i];
            OpenType<?> openType = parameter instanceof OpenMBeanParameterInfo o ? o.getOpenType() : null;
            Optional<String> refusal = refusal(parameter.getType(), openType, arguments.get(i));
            if (refusal.isPresent()) {
                return Optional.of("Cannot call " + OperationSignatures.nameOf(exec.getOperation()) + " of "
                        + exec.getObjectNameAsString() + ": argument " + (i + 1) + " (" + parameter.getName() + ") "
                        + refusal.get());
            }
        }
        return Optional.empty();
    }

    private Optional<String> explainWrite(JolokiaWriteRequest write) throws JMException {
        if (write.getPathParts() != null && !write.getPathParts().isEmpty()) {
            return Optional.empty();
        }
        for (MBeanAttributeInfo attribute : server.getMBeanInfo(write.getObjectName()).getAttributes()) {
            if (attribute.getName().equals(write.getAttributeName())) {
                OpenType<?> openType = attribute instanceof OpenMBeanAttributeInfo o ? o.getOpenType() : null;
                return refusal(attribute.getType(), openType, write.getValue()).map(why -> "Cannot write "
                        + attribute.getName() + " of " + write.getObjectNameAsString() + ": the value " + why);
            }
        }
        return Optional.empty();
    }

    /** Why {@code value} cannot become {@code type}, or empty if Jolokia converts it. */
    private Optional<String> refusal(String type, OpenType<?> openType, Object value) {
        try {
            if (openType != null) {
                openTypes.convert(openType, value);
            } else {
                objects.convert(type, value);
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            String className = openType != null ? openType.getClassName() : type;
            return Optional.of(shown(value) + " is not accepted for " + AcceptedValues.typeName(className)
                    + ": expected " + AcceptedValues.describe(className, openType));
        }
    }

    /** The value as JSON, long ones cut to an excerpt with their length. */
    static String shown(Object value) {
        String json = JsonWriter.write(value);
        if (json.length() <= MAX_SHOWN_CHARS + 2) {
            return json;
        }
        String text = value instanceof String s ? s : json;
        return JsonWriter.write(text.substring(0, MAX_SHOWN_CHARS) + "...") + " (" + text.length()
                + (value instanceof String ? " characters)" : " characters of JSON)");
    }
}
