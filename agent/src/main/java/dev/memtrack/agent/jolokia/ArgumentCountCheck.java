package dev.memtrack.agent.jolokia;

import dev.memtrack.mbeans.MemtrackDomain;
import java.util.List;
import java.util.Optional;
import javax.management.JMException;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.jolokia.server.core.request.JolokiaExecRequest;
import org.jolokia.server.core.request.JolokiaRequest;

/**
 * Refuses an exec of one of memtrack's operations with more arguments than the operation takes, or
 * with a path. Jolokia would read the surplus of a GET as a path into the operation's result and
 * fail on it there with an internal error (a {@code NumberFormatException} for a table keyed by
 * rank) instead of saying that the caller gave one argument too many. Other domains are left to
 * Jolokia as they are.
 *
 * <p>Thread-safe.
 */
final class ArgumentCountCheck {

    private final OperationSignatures signatures;

    ArgumentCountCheck(MBeanServer server) {
        this.signatures = new OperationSignatures(server);
    }

    /** The refusal of the first request that gives a memtrack operation too many arguments, if any. */
    Optional<ErrorReply> refusal(List<JolokiaRequest> requests) {
        return BulkPosition.firstMessage(requests, r -> r instanceof JolokiaExecRequest exec ? check(exec)
                : Optional.empty(), BulkPosition.Moment.BEFORE_JOLOKIA).map(ErrorReply::badRequest);
    }

    private Optional<String> check(JolokiaExecRequest exec) {
        ObjectName name = exec.getObjectName();
        String operation = exec.getOperation();
        if (name == null || name.isPattern() || !MemtrackDomain.DOMAIN.equals(name.getDomain()) || operation == null
                || operation.contains("(")) {
            return Optional.empty();
        }
        String what = "operation " + operation + " of " + name;
        if (exec.getPathParts() != null && !exec.getPathParts().isEmpty()) {
            return Optional.of(what + ": a path (" + ConversionExplainer.shown(exec.getPath())
                    + ") into an operation's result is not accepted; read the whole result");
        }
        int given = exec.getArguments() == null ? 0 : exec.getArguments().size();
        int most = -1;
        try {
            for (MBeanParameterInfo[] signature : signatures.of(name, operation)) {
                most = Math.max(most, signature.length);
            }
        } catch (JMException | RuntimeException unknown) {
            return Optional.empty(); // Jolokia answers an unknown MBean itself
        }
        if (most < 0 || given <= most) {
            return Optional.empty();
        }
        Object surplus = exec.getArguments().get(most);
        return Optional.of(what + " takes " + most + (most == 1 ? " argument" : " arguments") + ", got " + given
                + "; the first one too many is " + ConversionExplainer.shown(surplus));
    }
}
