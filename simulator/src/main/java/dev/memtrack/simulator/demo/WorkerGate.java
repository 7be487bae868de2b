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
    private int running;

    WorkerGate(int parallelism) {
        this.parallelism = parallelism;
    }

    /**
     * Waits until worker {@code index} may start a task; {@code false} once the gate is closed. A
     * {@code true} answer counts the task as running until {@link #finished()}.
     */
    boolean awaitTurn(int index) throws InterruptedException {
        lock.lock();
        try {
            while (!closed && (paused || index >= parallelism)) {
                changed.await();
            }
            if (closed) {
                return false;
            }
            running++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The task a worker was let through for has ended. */
    void finished() {
        update(() -> running--);
    }

    /** Tasks let through and not yet finished; once 0 while paused, no task runs until resumed. */
    int running() {
        lock.lock();
        try {
            return running;
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
