package dev.memtrack.agent.core;

import dev.memtrack.agent.config.AgentConfig;
import dev.memtrack.agent.log.AgentLog;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The {@link AgentContext} of one subsystem: shared services, registrations owned by that subsystem. */
final class SubsystemContext implements AgentContext {

    private final String owner;
    private final AgentServices services;
    private final Consumer<String> disable;
    private final MBeanRegistrar mbeans;
    private final List<ScheduledFuture<?>> scheduled = new CopyOnWriteArrayList<>();

    SubsystemContext(String owner, AgentServices services, Consumer<String> disable) {
        this.owner = owner;
        this.services = services;
        this.disable = disable;
        this.mbeans = new MBeanRegistrar(services.mbeanServer(), services.notificationExecutor());
    }

    @Override
    public String owner() {
        return owner;
    }

    @Override
    public AgentConfig config() {
        return services.config();
    }

    @Override
    public Instrumentation instrumentation() {
        return services.instrumentation();
    }

    @Override
    public Optional<Path> agentJar() {
        return services.agentJar();
    }

    @Override
    public AgentLog log() {
        return services.log();
    }

    @Override
    public SnapshotStore snapshots() {
        return services.snapshots();
    }

    @Override
    public MBeanRegistrar mbeans() {
        return mbeans;
    }

    @Override
    public void everyInterval(Runnable task) {
        services.sampler().add(owner, task, t -> disable("failed while sampling: " + AgentLog.describe(t)));
    }

    @Override
    public void scheduleEvery(Duration period, Runnable task) {
        long ms = period.toMillis();
        if (ms <= 0) {
            throw new IllegalArgumentException("period must be positive, got " + period);
        }
        Runnable guardedTask = guarded(task);
        scheduled.add(services.scheduler().scheduleAtFixedRate(guardedTask, ms, ms, TimeUnit.MILLISECONDS));
    }

    /** Cancels what {@link #scheduleEvery} scheduled. */
    void cancelScheduled() {
        for (ScheduledFuture<?> f : scheduled) {
            f.cancel(false);
        }
        scheduled.clear();
    }

    @Override
    public void addLogSection(String name, Supplier<?> section) {
        services.logSections().add(owner, name, section);
    }

    @Override
    public void logEvent(String name, Object data) {
        services.logEvents().add(name, data);
    }

    @Override
    public InstrumentationFailures instrumentationFailures() {
        return services.instrumentationFailures();
    }

    @Override
    public Runnable guarded(Runnable callback) {
        return () -> {
            try {
                callback.run();
            } catch (Throwable t) {
                disable("failed: " + AgentLog.describe(t));
            }
        };
    }

    @Override
    public void disable(String reason) {
        disable.accept(reason);
    }
}
