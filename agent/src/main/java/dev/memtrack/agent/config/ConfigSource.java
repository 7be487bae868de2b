package dev.memtrack.agent.config;

/** Where a configuration value came from, highest precedence first. */
public enum ConfigSource {
    AGENT_ARGUMENT("agent-argument"),
    SYSTEM_PROPERTY("system-property"),
    ENVIRONMENT("environment"),
    CONFIG_FILE("config-file"),
    DEFAULT("default");

    private final String label;

    ConfigSource(String label) {
        this.label = label;
    }

    /** As shown in messages and in the Agent MBean's configuration table. */
    public String label() {
        return label;
    }
}
