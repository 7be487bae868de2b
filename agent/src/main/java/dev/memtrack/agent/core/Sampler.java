package dev.memtrack.agent.core;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The agent's one sampling thread ({@code memtrack-sampler}). Every interval it runs the registered
 * tasks in registration order: collectors first (they register when their subsystem starts), then
 * consumers of their snapshots such as the JSON Lines log. A task that throws is dropped and handed
 * to its failure handler (which disables its subsystem); the other tasks go on.
 *
 * <p>Thread-safe: tasks may be added and removed from any thread.
 */
public final class Sampler {

    private record Task(String owner, Runnable body, Consumer<Throwable> onFailure) {
    }

    private final Duration interval;
    private final List<Task> tasks = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService executor;

    public Sampler(Duration interval) {
        this.interval = interval;
    }

    public Duration interval() {
        return interval;
    }

    public void add(String owner, Runnable body, Consumer<Throwable> onFailure) {
        tasks.add(new Task(owner, body, onFailure));
    }

    public void removeAll(String owner) {
        tasks.removeIf(t -> t.owner().equals(owner));
    }

    /** Starts the sampling thread; tasks run from one interval on. */
    public synchronized void start() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> AgentThreads.newThread("memtrack-sampler", r));
            long ms = interval.toMillis();
            executor.scheduleAtFixedRate(this::runTasks, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops the sampling thread, also if it never started. */
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** One round of all tasks; never throws (a scheduled task that throws is never run again). */
    void runTasks() {
        for (Task task : tasks) {
            try {
                task.body().run();
            } catch (Throwable t) {
                tasks.remove(task);
                try {
                    task.onFailure().accept(t);
                } catch (Throwable ignored) {
                    // The failure handler itself failed: the task is dropped, nothing else to do.
                }
            }
        }
    }
}
