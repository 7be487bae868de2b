package dev.memtrack.agent.core;

import dev.memtrack.agent.config.ConfigProblem;
import dev.memtrack.agent.log.AgentLog;
import dev.memtrack.mbeans.SubsystemState;
import dev.memtrack.mbeans.SubsystemStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Starts and stops the agent's subsystems and keeps the state of each: STARTING, RUNNING, DISABLED
 * (with the reason) or STOPPED. A failure disables only the subsystem it happened in, once: it is
 * logged, its registrations are undone, and listeners hear about the new state.
 *
 * <p>Thread-safe. {@link #startAll()} runs on the start-up thread; {@link #stopAll()} may run
 * concurrently (shutdown hook) and stops whatever has started so far.
 */
public final class Subsystems {

    private final class Entry {
        final Subsystem subsystem;
        final SubsystemContext context;
        volatile SubsystemStatus status;
        /** Whether start-up reached this subsystem (guarded by Subsystems.this). */
        boolean reached;

        Entry(Subsystem subsystem) {
            this.subsystem = subsystem;
            this.context = new SubsystemContext(subsystem.name(), services, reason -> fail(this, reason));
            this.status = new SubsystemStatus(subsystem.name(), SubsystemState.STARTING, "not started yet",
                    clock.getAsLong());
        }
    }

    private final AgentServices services;
    private final Consumer<SubsystemStatus> listener;
    private final LongSupplier clock;
    private final List<Entry> entries = new ArrayList<>();
    private boolean stopping;

    Subsystems(List<Subsystem> subsystems, AgentServices services, Consumer<SubsystemStatus> listener,
               LongSupplier clock) {
        this.services = services;
        this.listener = listener;
        this.clock = clock;
        for (Subsystem s : subsystems) {
            entries.add(new Entry(s));
        }
    }

    /** Starts every subsystem in order; returns when each is running or disabled. */
    public void startAll() {
        for (Entry e : entries) {
            synchronized (this) {
                if (stopping) {
                    return;
                }
                e.reached = true;
            }
            Optional<String> off = offReason(e.subsystem);
            if (off.isPresent()) {
                change(e, SubsystemState.DISABLED, off.get());
                continue;
            }
            change(e, SubsystemState.STARTING, "");
            try {
                e.subsystem.start(e.context);
            } catch (Throwable t) {
                fail(e, "failed to start: " + AgentLog.describe(t));
                continue;
            }
            boolean stopNow;
            synchronized (this) {
                stopNow = stopping;
                if (!stopNow && e.status.state() == SubsystemState.STARTING) {
                    setStatus(e, SubsystemState.RUNNING, "");
                }
            }
            if (stopNow) {
                release(e);
                change(e, SubsystemState.STOPPED, "agent stopped");
            } else if (e.status.state() == SubsystemState.RUNNING) {
                listener.accept(e.status);
            }
        }
    }

    /** Stops running subsystems in reverse start order. Idempotent. */
    public void stopAll() {
        List<Entry> running = new ArrayList<>();
        List<Entry> neverStarted = new ArrayList<>();
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
            for (Entry e : entries) {
                if (e.status.state() == SubsystemState.RUNNING) {
                    running.add(e);
                } else if (!e.reached) {
                    neverStarted.add(e);
                }
            }
        }
        for (Entry e : neverStarted) {
            change(e, SubsystemState.STOPPED, "agent stopped before it started");
        }
        Collections.reverse(running);
        for (Entry e : running) {
            release(e);
            change(e, SubsystemState.STOPPED, "agent stopped");
        }
    }

    /** The state of every subsystem, in start order. */
    public List<SubsystemStatus> statuses() {
        List<SubsystemStatus> out = new ArrayList<>();
        for (Entry e : entries) {
            out.add(e.status);
        }
        return out;
    }

    public Optional<SubsystemStatus> status(String name) {
        return entries.stream().filter(e -> e.subsystem.name().equals(name)).map(e -> e.status).findFirst();
    }

    /** Subsystems that read {@code key}, for "jolokia stays off" style messages. */
    List<String> namesUsing(dev.memtrack.agent.config.ConfigKey key) {
        List<String> names = new ArrayList<>();
        for (Entry e : entries) {
            if (e.subsystem.configKeys().contains(key)) {
                names.add(e.subsystem.name());
            }
        }
        return names;
    }

    private Optional<String> offReason(Subsystem s) {
        Optional<ConfigProblem> problem = services.config().problemWithAny(s.configKeys());
        if (problem.isPresent()) {
            return Optional.of("invalid configuration: " + problem.get().message());
        }
        try {
            return s.offByConfiguration(services.config());
        } catch (Throwable t) {
            return Optional.of("cannot read its configuration: " + AgentLog.describe(t));
        }
    }

    /** Disables a subsystem after a failure; the first failure wins, later ones are ignored. */
    private void fail(Entry e, String reason) {
        synchronized (this) {
            SubsystemState state = e.status.state();
            if (state == SubsystemState.DISABLED || state == SubsystemState.STOPPED) {
                return;
            }
            setStatus(e, SubsystemState.DISABLED, reason);
        }
        services.log().warnOnce("disabled:" + e.subsystem.name(), e.subsystem.name() + " disabled: " + reason
                + "; the application and the rest of memtrack keep running");
        release(e);
        listener.accept(e.status);
    }

    /** Undoes everything the subsystem holds; never throws. */
    private void release(Entry e) {
        services.sampler().removeAll(e.subsystem.name());
        e.context.cancelScheduled();
        services.logSections().removeAll(e.subsystem.name());
        try {
            e.subsystem.stop();
        } catch (Throwable t) {
            services.log().warnOnce("stop:" + e.subsystem.name(),
                    e.subsystem.name() + " did not stop cleanly: " + AgentLog.describe(t));
        }
        e.context.mbeans().unregisterAll();
    }

    private void change(Entry e, SubsystemState state, String reason) {
        synchronized (this) {
            setStatus(e, state, reason);
        }
        listener.accept(e.status);
    }

    private void setStatus(Entry e, SubsystemState state, String reason) {
        e.status = new SubsystemStatus(e.subsystem.name(), state, reason, clock.getAsLong());
    }
}
