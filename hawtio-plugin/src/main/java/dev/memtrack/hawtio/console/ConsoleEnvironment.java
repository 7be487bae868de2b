package dev.memtrack.hawtio.console;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Validates the console's options as soon as the environment is complete (after application.properties),
 * before any server starts, and derives Hawtio's proxy settings from them: the proxy forwards only to
 * loopback and to the hosts named with {@code --memtrack.connect}, and does not probe local addresses.
 * Explicit {@code hawtio.*} options still win (the derived values are the lowest-precedence source).
 */
public final class ConsoleEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "memtrack-console-derived";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        ConsoleSettings settings = ConsoleSettings.from(environment);
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, Map.of(
                "hawtio.proxyAllowlist", settings.proxyAllowlist(),
                "hawtio.localAddressProbing", "false")));
    }

    @Override
    public int getOrder() {
        // After ConfigDataEnvironmentPostProcessor, so application.properties is already loaded.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
