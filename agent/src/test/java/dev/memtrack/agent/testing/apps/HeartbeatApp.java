package dev.memtrack.agent.testing.apps;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * A test application whose own output shows that it keeps running: {@code heartbeat <n>} on stdout
 * every 100 ms. With the argument {@code programs} it also registers two workload programs the policy
 * may govern ({@link TestProgram}): {@code steady}, and {@code broken}, whose settings cannot be
 * changed (its setters throw). Runs until killed or until its stdin closes.
 */
public final class HeartbeatApp {

    public static final String BROKEN = "the program refuses every change (broken on purpose)";

    private HeartbeatApp() {
    }

    public static void main(String[] args) throws Exception {
        StdinWatchdog.start();
        if (args.length > 0 && args[0].equals("programs")) {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            server.registerMBean(new TestProgram("steady", 4, null), workload("steady"));
            server.registerMBean(new TestProgram("broken", 4, BROKEN), workload("broken"));
        }
        System.out.println("heartbeat-app started pid=" + ProcessHandle.current().pid());
        for (long n = 1; ; n++) {
            System.out.println("heartbeat " + n);
            Thread.sleep(100);
        }
    }

    private static ObjectName workload(String name) throws Exception {
        return new ObjectName("memtrack:type=Workload,name=" + name);
    }
}
