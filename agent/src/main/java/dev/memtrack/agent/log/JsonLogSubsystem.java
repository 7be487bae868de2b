package dev.memtrack.agent.log;

import dev.memtrack.agent.config.AgentConfig;
import dev.memtrack.agent.config.ConfigKey;
import dev.memtrack.agent.core.AgentContext;
import dev.memtrack.agent.core.Subsystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * {@code json-log}: with {@code log=<path>}, writes one JSON object per interval, one per line:
 * <pre>{"time":"2026-01-01T10:00:00.123Z","epochMillis":...,"system":{...},"heap":{...}}</pre>
 * with a member per {@link LogSections section} (other subsystems add theirs), rotated by size
 * ({@code log.maxBytes}, {@code log.maxFiles}). A file that cannot be opened or written (directory
 * not writable, disk full) disables the log only.
 */
public final class JsonLogSubsystem implements Subsystem {

    private final LogSections sections;
    private RotatingFile file;

    public JsonLogSubsystem(LogSections sections) {
        this.sections = sections;
    }

    @Override
    public String name() {
        return "json-log";
    }

    @Override
    public Set<ConfigKey> configKeys() {
        return Set.of(ConfigKey.LOG, ConfigKey.LOG_MAX_BYTES, ConfigKey.LOG_MAX_FILES, ConfigKey.INTERVAL);
    }

    @Override
    public Optional<String> offByConfiguration(AgentConfig config) {
        return config.path(ConfigKey.LOG).isPresent() ? Optional.empty() : Optional.of("log is not set");
    }

    @Override
    public void start(AgentContext context) throws IOException {
        Path path = context.config().path(ConfigKey.LOG).orElseThrow();
        try {
            file = new RotatingFile(path, context.config().size(ConfigKey.LOG_MAX_BYTES),
                    context.config().integer(ConfigKey.LOG_MAX_FILES));
        } catch (IOException e) {
            throw new IOException("cannot open JSON Lines log '" + path + "': " + e.getClass().getSimpleName()
                    + " " + e.getMessage(), e);
        }
        context.everyInterval(() -> writeLine(context));
    }

    private void writeLine(AgentContext context) {
        long now = System.currentTimeMillis();
        StringBuilder line = new StringBuilder(2048).append("{\"time\":\"").append(Instant.ofEpochMilli(now))
                .append("\",\"epochMillis\":").append(now);
        for (LogSections.Section section : sections.sections()) {
            Object value;
            try {
                value = section.value().get();
            } catch (RuntimeException e) {
                context.log().warnOnce("log-section:" + section.name(), "JSON log section '" + section.name()
                        + "' of " + section.owner() + " failed and is written as null: " + e);
                value = null;
            }
            line.append(',');
            JsonWriter.write(section.name(), line);
            line.append(':');
            JsonWriter.write(value, line);
        }
        line.append('}');
        try {
            file.append(line.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON Lines log '" + file.file() + "': "
                    + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // Closing a log we stop writing to: nothing to recover.
            }
        }
    }
}
