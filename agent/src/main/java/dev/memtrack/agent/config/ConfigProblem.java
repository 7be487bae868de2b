package dev.memtrack.agent.config;

import java.util.Optional;

/**
 * Something wrong in the configuration, with a message meant for the user (it names the key, the
 * value and what is accepted).
 *
 * @param key     the key whose value is bad; {@code null} for an unknown key or a syntax error
 * @param message one line, without the {@code [memtrack]} prefix
 */
public record ConfigProblem(ConfigKey key, String message) {

    public Optional<ConfigKey> invalidKey() {
        return Optional.ofNullable(key);
    }
}
