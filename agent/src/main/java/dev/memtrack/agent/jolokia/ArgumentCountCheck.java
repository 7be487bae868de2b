package dev.memtrack.agent.jolokia;

import dev.memtrack.mbeans.MemtrackDomain;
import java.util.List;
import java.util.Optional;
import javax.management.JMException;
import javax.management.MBeanOperationInfo;
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

    private final MBeanServer server;

    ArgumentCountCheck(MBeanServer server) {
        this.server = server;
    }

    /** The refusal of the first request that gives a memtrack operation too many arguments, if any. */
    Optional<ErrorReply> refusal(List<JolokiaRequest> requests) {
        for (int i = 0; i < requests.size(); i++) {
            Optional<String> why = requests.get(i) instanceof JolokiaExecRequest exec ? check(exec) : Optional.empty();
            if (why.isPresent()) {
                String prefix = requests.size() == 1 ? "" : "request " + (i + 1) + " of the bulk request: ";
                return Optional.of(ErrorReply.badRequest(prefix + why.get()));
            }
        }
        return Optional.empty();
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
        int most;
        try {
            most = -1;
            for (MBeanOperationInfo op : server.getMBeanInfo(name).getOperations()) {
                if (op.getName().equals(operation)) {
                    most = Math.max(most, op.getSignature().length);
                }
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
