package dev.memtrack.agent.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A running JVM reached through the attach API, with its failures turned into messages that say what
 * to do. Only loaded after {@link Cli} has checked that {@code jdk.attach} exists.
 */
final class TargetJvm implements AutoCloseable {

    private final long pid;
    private final VirtualMachine vm;

    private TargetJvm(long pid, VirtualMachine vm) {
        this.pid = pid;
        this.vm = vm;
    }

    static TargetJvm attach(long pid) throws CliException {
        if (ProcessHandle.of(pid).isEmpty()) {
            throw new CliException("no process with pid " + pid + " is running", 1);
        }
        checkSameUser(pid);
        try {
            return new TargetJvm(pid, VirtualMachine.attach(Long.toString(pid)));
        } catch (AttachNotSupportedException | IOException e) {
            throw new CliException("cannot attach to process " + pid + ": " + e.getMessage()
                    + " (is it a JVM started by the same user, without -XX:+DisableAttachMechanism?)", 1);
        }
    }

    long pid() {
        return pid;
    }

    Properties systemProperties() throws CliException {
        try {
            return vm.getSystemProperties();
        } catch (IOException e) {
            throw new CliException("cannot read the system properties of process " + pid + ": " + e.getMessage(), 1);
        }
    }

    void loadAgent(Path jar, String options) throws CliException {
        try {
            vm.loadAgent(jar.toString(), options);
        } catch (AgentLoadException | AgentInitializationException | IOException e) {
            throw new CliException("process " + pid + " could not load " + jar + ": " + e.getMessage(), 1);
        }
    }

    @Override
    public void close() {
        try {
            vm.detach();
        } catch (IOException alreadyGone) {
            // The target went away: nothing to detach from.
        }
    }

    /** The attach mechanism only works between processes of the same user (Linux: owner of /proc/pid). */
    private static void checkSameUser(long pid) throws CliException {
        Path proc = Path.of("/proc", Long.toString(pid));
        String me = System.getProperty("user.name");
        if (!Files.isDirectory(proc) || "root".equals(me)) {
            return;
        }
        try {
            String owner = Files.getOwner(proc).getName();
            if (!owner.equals(me)) {
                throw new CliException("process " + pid + " belongs to user '" + owner + "' but you are '" + me
                        + "'; the attach API only works as the same user: run this as " + owner
                        + " (e.g. sudo -u " + owner + " java -jar memtrack-agent.jar ...)", 1);
            }
        } catch (IOException cannotTell) {
            // Let attach itself report the problem.
        }
    }
}
