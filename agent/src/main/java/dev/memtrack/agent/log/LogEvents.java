package dev.memtrack.agent.log;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Events for the JSON Lines log that do not wait for the next interval line: each becomes a line of
 * its own, {@code {"time":...,"epochMillis":...,"event":"<name>","data":<value>}} (a policy decision,
 * say). Subsystems add events from any thread; the log's writer drains them on the sampler thread
 * and writes them before that interval's line, so the file keeps a single writer.
 *
 * <p>Events are only kept while the log is open: with no log configured (or the log disabled), adding
 * one costs nothing and keeps nothing. At most {@value #CAPACITY} wait for the writer; beyond that
 * they are counted as dropped, never block the caller.
 *
 * <p>Thread-safe.
 */
public final class LogEvents {

    static final int CAPACITY = 1000;

    /** One event waiting to be written; {@code data} is anything {@link JsonWriter} writes. */
    public record Event(long epochMillis, String name, Object data) {
    }

    private final ArrayBlockingQueue<Event> waiting = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean open;

    /**
     * Queues an event stamped with the current time, if the log is open.
     *
     * @param name  what happened, e.g. {@code policy.decision}
     * @param data  its details: a record, map, list, string, number or boolean
     */
    public void add(String name, Object data) {
        if (open && !waiting.offer(new Event(System.currentTimeMillis(), name, data))) {
            dropped.incrementAndGet();
        }
    }

    /** Starts keeping events (the log opened). */
    void open() {
        open = true;
    }

    /** Stops keeping events and forgets those not written (the log closed). */
    void close() {
        open = false;
        waiting.clear();
    }

    /** The events waiting, oldest first; they are no longer kept. */
    List<Event> drain() {
        List<Event> events = new ArrayList<>(waiting.size());
        waiting.drainTo(events);
        return events;
    }

    /** How many events were dropped since the last call because the writer fell behind. */
    long takeDropped() {
        return dropped.getAndSet(0);
    }
}
