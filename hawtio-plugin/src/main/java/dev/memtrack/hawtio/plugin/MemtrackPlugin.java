package dev.memtrack.hawtio.plugin;

/**
 * How a Hawtio console finds and loads memtrack's plugin: the Module Federation names chosen in
 * {@code webpack.config.cjs} and the path the files are served under. Shared by the plugin WAR (which
 * publishes them as an MBean) and the console jar (which publishes them as a Spring bean).
 */
public final class MemtrackPlugin {

    /** {@code name} of the ModuleFederationPlugin in webpack.config.cjs. */
    public static final String SCOPE = "memtrack";

    /** Key of the {@code exposes} entry in webpack.config.cjs. */
    public static final String MODULE = "./plugin";

    public static final String REMOTE_ENTRY_FILE_NAME = "remoteEntry.js";

    /** Name of the function the exposed module exports (src/memtrack/index.ts). */
    public static final String PLUGIN_ENTRY = "plugin";

    /** Path under which the console jar serves the plugin files; the WAR serves them at its own context root. */
    public static final String CONSOLE_PATH = "/memtrack-plugin";

    /** The name Hawtio's plugin servlet looks for ({@code hawtio:type=plugin,name=*}). */
    public static final String OBJECT_NAME = "hawtio:type=plugin,name=" + SCOPE;

    private MemtrackPlugin() {
    }
}
