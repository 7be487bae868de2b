package dev.memtrack.agent.jolokia;

import java.util.ArrayList;
import java.util.List;
import javax.management.JMException;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The signatures an exec request's operation can mean, as the MBean's {@code MBeanInfo} declares them:
 * every overload of a bare name ({@code compare}), or only those with the parameter types a request
 * spells out ({@code compare(int,java.lang.String)}).
 *
 * <p>Thread-safe: it keeps nothing but the server.
 */
final class OperationSignatures {

    private final MBeanServer server;

    OperationSignatures(MBeanServer server) {
        this.server = server;
    }

    /**
     * @param operation an operation as an exec request names it, with or without parameter types
     * @return the matching signatures in the order the MBean declares them; empty if none matches
     * @throws JMException if the MBean is not registered or cannot describe itself
     */
    List<MBeanParameterInfo[]> of(ObjectName mbean, String operation) throws JMException {
        String name = nameOf(operation);
        List<String> types = operation.equals(name) ? null : parameterTypes(operation, name);
        List<MBeanParameterInfo[]> matching = new ArrayList<>();
        for (MBeanOperationInfo op : server.getMBeanInfo(mbean).getOperations()) {
            MBeanParameterInfo[] signature = op.getSignature();
            if (op.getName().equals(name) && (types == null || types.equals(typesOf(signature)))) {
                matching.add(signature);
            }
        }
        return matching;
    }

    /** The operation's name without the parameter types a request may give in parentheses. */
    static String nameOf(String operation) {
        int paren = operation.indexOf('(');
        return paren < 0 ? operation : operation.substring(0, paren);
    }

    private static List<String> parameterTypes(String operation, String name) {
        String inside = operation.substring(name.length() + 1, operation.length() - (operation.endsWith(")") ? 1 : 0));
        return inside.isBlank() ? List.of() : List.of(inside.trim().split("\\s*,\\s*"));
    }

    private static List<String> typesOf(MBeanParameterInfo[] signature) {
        List<String> types = new ArrayList<>();
        for (MBeanParameterInfo p : signature) {
            types.add(p.getType());
        }
        return types;
    }
}
