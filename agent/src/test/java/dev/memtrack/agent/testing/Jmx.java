package dev.memtrack.agent.testing;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A JMX connection to a local JVM obtained the way JConsole and VisualVM get one: attach to the
 * process, start its local management agent, connect to the address it returns.
 */
public final class Jmx implements AutoCloseable {

    private final JMXConnector connector;

    private Jmx(JMXConnector connector) {
        this.connector = connector;
    }

    public static Jmx connect(long pid) {
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            return new Jmx(JMXConnectorFactory.connect(new JMXServiceURL(address)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to JVM " + pid, e);
        } catch (com.sun.tools.attach.AttachNotSupportedException e) {
            throw new IllegalStateException("cannot attach to JVM " + pid, e);
        }
    }

    public MBeanServerConnection server() {
        try {
            return connector.getMBeanServerConnection();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            connector.close();
        } catch (IOException alreadyClosed) {
            // nothing to release
        }
    }
}
