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
 * with a member per {@link LogSections section} (other subsystems add theirs), preceded by a line per
 * {@link LogEvents event} added since the previous interval, rotated by size
 * ({@code log.maxBytes}, {@code log.maxFiles}). A file that cannot be opened or written (directory
 * not writable, disk full) disables the log only.
 */
public final class JsonLogSubsystem implements Subsystem {

    private final LogSections sections;
    private final LogEvents events;
    private RotatingFile file;

    public JsonLogSubsystem(LogSections sections, LogEvents events) {
        this.sections = sections;
        this.events = events;
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
        events.open();
        context.everyInterval(() -> writeLines(context));
    }

    private void writeLines(AgentContext context) {
        for (LogEvents.Event event : events.drain()) {
            StringBuilder line = lineStart(event.epochMillis()).append(",\"event\":");
            JsonWriter.write(event.name(), line);
            line.append(",\"data\":");
            try {
                JsonWriter.write(event.data(), line);
            } catch (RuntimeException e) {
                context.log().warnOnce("log-event:" + event.name(), "JSON log event '" + event.name()
                        + "' could not be written and is skipped: " + e);
                continue;
            }
            append(line.append('}'));
        }
        long dropped = events.takeDropped();
        if (dropped > 0) {
            context.log().warnOnce("log-events-dropped", "JSON log dropped " + dropped + " events: more than "
                    + LogEvents.CAPACITY + " arrived within one interval (further drops are not reported)");
        }
        writeIntervalLine(context);
    }

    private void writeIntervalLine(AgentContext context) {
        StringBuilder line = lineStart(System.currentTimeMillis());
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
        append(line.append('}'));
    }

    private static StringBuilder lineStart(long epochMillis) {
        return new StringBuilder(2048).append("{\"time\":\"").append(Instant.ofEpochMilli(epochMillis))
                .append("\",\"epochMillis\":").append(epochMillis);
    }

    private void append(StringBuilder line) {
        try {
            file.append(line.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON Lines log '" + file.file() + "': "
                    + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        events.close();
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // Closing a log we stop writing to: nothing to recover.
            }
        }
    }
}
