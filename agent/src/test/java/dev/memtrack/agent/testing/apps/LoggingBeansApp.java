package dev.memtrack.agent.testing.apps;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * A test application that registers MBeans under the names Logback and Log4j 2 use for their JMX
 * configurators, which can change logging or write files, so that a test can show memtrack's default
 * Jolokia policy denies them. A change through one of them prints {@code logging changed: ...} on stdout.
 * Idles until killed or until its stdin closes.
 */
public final class LoggingBeansApp {

    public static final String LOGBACK = "ch.qos.logback.classic:Name=default,Type=ch.qos.logback.classic.jmx.JMXConfigurator";
    public static final String LOG4J2 = "org.apache.logging.log4j2:type=1b6d3586";

    /** What a logging framework's JMX configurator lets a client do. */
    public interface LoggingConfigurator {

        String getLevel();

        void setLevel(String level);

        void reloadByFileName(String fileName);
    }

    private LoggingBeansApp() {
    }

    public static void main(String[] args) throws Exception {
        StdinWatchdog.start();
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (String name : new String[] {LOGBACK, LOG4J2}) {
            server.registerMBean(new StandardMBean(new Configurator(), LoggingConfigurator.class),
                    new ObjectName(name));
        }
        System.out.println("logging-beans-app started pid=" + ProcessHandle.current().pid());
        while (true) {
            Thread.sleep(60_000);
        }
    }

    private static final class Configurator implements LoggingConfigurator {

        private volatile String level = "INFO";

        @Override
        public String getLevel() {
            return level;
        }

        @Override
        public void setLevel(String level) {
            System.out.println("logging changed: level " + level);
            this.level = level;
        }

        @Override
        public void reloadByFileName(String fileName) {
            System.out.println("logging changed: reloaded from " + fileName);
        }
    }
}
