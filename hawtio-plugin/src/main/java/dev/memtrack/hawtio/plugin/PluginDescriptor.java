package dev.memtrack.hawtio.plugin;

import java.util.Objects;

/** memtrack's plugin as Hawtio's plugin servlet sees it, for plugin files served under {@code url}. Immutable. */
public final class PluginDescriptor implements PluginDescriptorMBean {

    private final String url;

    /** @param url the path the plugin files are served under, e.g. {@code /memtrack-plugin}; empty for the root */
    public PluginDescriptor(String url) {
        this.url = Objects.requireNonNull(url, "url");
    }

    @Override
    public String getUrl() {
        return url;
    }

    @Override
    public String getScope() {
        return MemtrackPlugin.SCOPE;
    }

    @Override
    public String getModule() {
        return MemtrackPlugin.MODULE;
    }

    @Override
    public String getRemoteEntryFileName() {
        return MemtrackPlugin.REMOTE_ENTRY_FILE_NAME;
    }

    @Override
    public Boolean getBustRemoteEntryCache() {
        // A redeployed WAR must not be shadowed by a cached remoteEntry.js of the previous version.
        return Boolean.TRUE;
    }

    @Override
    public String getPluginEntry() {
        return MemtrackPlugin.PLUGIN_ENTRY;
    }
}
