package dev.memtrack.mbeans;

/** One configuration key in effect. */
public record ConfigEntry(
        @Description("Configuration key") String key,
        @Description("Value in effect; secrets are shown as ******") String value,
        @Description("Where the value came from: agent-argument, system-property, environment, config-file or default")
        String source) {
}
