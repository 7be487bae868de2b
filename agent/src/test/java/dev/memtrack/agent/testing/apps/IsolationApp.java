package dev.memtrack.agent.testing.apps;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Map;
import org.jolokia.jvmagent.JolokiaServer;
import org.jolokia.jvmagent.JolokiaServerConfig;
import org.slf4j.LoggerFactory;

/**
 * A test application that carries its own Jolokia, JNA and slf4j (other versions than memtrack's, on
 * the class path) and uses all three while memtrack runs in the same JVM. Prints what it found, one
 * line per fact, prefixed {@code isolation-app}. Argument: the port of its own Jolokia.
 */
public final class IsolationApp {

    /** The C library, through the application's own JNA. */
    public interface CLibrary extends Library {
        int getpid();
    }

    private IsolationApp() {
    }

    public static void main(String[] args) throws Exception {
        StdinWatchdog.start();
        for (String hidden : new String[] {"dev.memtrack.agent.core.Agent", "dev.memtrack.mbeans.HeapMXBean",
            "oshi.SystemInfo", "net.bytebuddy.ByteBuddy", "org.HdrHistogram.Histogram", "org.slf4j.nop.NOPLogger"}) {
            try {
                Class.forName(hidden);
                System.out.println("isolation-app VISIBLE " + hidden);
            } catch (ClassNotFoundException expected) {
                System.out.println("isolation-app hidden " + hidden);
            }
        }

        CLibrary c = Native.load("c", CLibrary.class);
        System.out.println("isolation-app jna getpid=" + c.getpid() + " from "
                + Native.class.getProtectionDomain().getCodeSource().getLocation());

        LoggerFactory.getLogger("isolation-app").info("slf4j logs through the application's binding");
        System.out.println("isolation-app slf4j factory=" + LoggerFactory.getILoggerFactory().getClass().getName()
                + " from " + LoggerFactory.class.getProtectionDomain().getCodeSource().getLocation());

        JolokiaServer own = new JolokiaServer(new JolokiaServerConfig(Map.of("host", "127.0.0.1", "port", args[0],
                "agentContext", "/jolokia")));
        own.start();
        System.out.println("isolation-app own-jolokia=" + own.getUrl() + " from "
                + JolokiaServer.class.getProtectionDomain().getCodeSource().getLocation());
        while (true) {
            Thread.sleep(60_000);
        }
    }
}
