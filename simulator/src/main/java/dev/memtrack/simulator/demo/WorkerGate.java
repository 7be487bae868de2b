package dev.memtrack.simulator.demo;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Decides which of a program's workers may start a task: worker {@code i} may while the program is
 * not paused and {@code i < parallelism}. Workers above the limit, or all of them when paused, wait
 * here between tasks; a task already running finishes.
 *
 * <p>Thread-safe.
 */
final class WorkerGate {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int parallelism;
    private boolean paused;
    private boolean closed;

    WorkerGate(int parallelism) {
        this.parallelism = parallelism;
    }

    /** Waits until worker {@code index} may start a task; {@code false} once the gate is closed. */
    boolean awaitTurn(int index) throws InterruptedException {
        lock.lock();
        try {
            while (!closed && (paused || index >= parallelism)) {
                changed.await();
            }
            return !closed;
        } finally {
            lock.unlock();
        }
    }

    void setParallelism(int value) {
        update(() -> parallelism = value);
    }

    void setPaused(boolean value) {
        update(() -> paused = value);
    }

    void close() {
        update(() -> closed = true);
    }

    int parallelism() {
        lock.lock();
        try {
            return parallelism;
        } finally {
            lock.unlock();
        }
    }

    boolean paused() {
        lock.lock();
        try {
            return paused;
        } finally {
            lock.unlock();
        }
    }

    private void update(Runnable change) {
        lock.lock();
        try {
            change.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
