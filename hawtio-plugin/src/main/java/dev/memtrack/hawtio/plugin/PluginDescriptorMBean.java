package dev.memtrack.hawtio.plugin;

/**
 * The attributes Hawtio's plugin servlet reads from every {@code hawtio:type=plugin,name=*} MBean to build
 * the console's {@code /plugin} list. The names are Hawtio's; Url, Scope and Module are mandatory.
 */
public interface PluginDescriptorMBean {

    /** Where remoteEntry.js lives, relative to the server root, e.g. the WAR's context path. */
    String getUrl();

    String getScope();

    String getModule();

    String getRemoteEntryFileName();

    /** Whether the console adds a cache-busting parameter when it loads remoteEntry.js. */
    Boolean getBustRemoteEntryCache();

    String getPluginEntry();
}
