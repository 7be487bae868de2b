package dev.memtrack.hawtio.plugin;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Started by the plugin WAR's web.xml: registers {@link MemtrackPlugin#OBJECT_NAME} in the platform MBean
 * server, where the Hawtio console deployed in the same container finds it, pointing at this WAR's context
 * path; unregisters it when the WAR is undeployed. Logs through the container ({@code ServletContext.log}),
 * so the WAR carries no logging library.
 */
public final class PluginRegistration implements ServletContextListener {

    private final MBeanServer server;

    public PluginRegistration() {
        this(ManagementFactory.getPlatformMBeanServer());
    }

    PluginRegistration(MBeanServer server) {
        this.server = server;
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String contextPath = event.getServletContext().getContextPath();
        try {
            ObjectName name = new ObjectName(MemtrackPlugin.OBJECT_NAME);
            if (server.isRegistered(name)) {
                // Another deployment of the plugin (an older version, a second context): the newest wins.
                event.getServletContext().log("memtrack plugin: replacing " + name + " registered at "
                        + server.getAttribute(name, "Url"));
                server.unregisterMBean(name);
            }
            server.registerMBean(new PluginDescriptor(contextPath), name);
            event.getServletContext().log("memtrack plugin: registered " + name + " for files under '"
                    + contextPath + "/'");
        } catch (JMException | RuntimeException e) {
            // The WAR still serves its files; only the console will not list the plugin.
            event.getServletContext().log("memtrack plugin: could not register " + MemtrackPlugin.OBJECT_NAME
                    + "; the Hawtio console will not show memtrack pages", e);
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        String contextPath = event.getServletContext().getContextPath();
        try {
            ObjectName name = new ObjectName(MemtrackPlugin.OBJECT_NAME);
            // Leave a registration made by a newer deployment alone.
            if (server.isRegistered(name) && contextPath.equals(server.getAttribute(name, "Url"))) {
                server.unregisterMBean(name);
            }
        } catch (JMException | RuntimeException e) {
            event.getServletContext().log("memtrack plugin: could not unregister " + MemtrackPlugin.OBJECT_NAME, e);
        }
    }
}
