package dev.memtrack.agent.collect;

import dev.memtrack.agent.core.AgentContext;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns a collector's raw snapshots into published stats: takes a first snapshot now and publishes
 * {@code first(snapshot)}, then every interval takes a new one and publishes
 * {@code between(previous, next)}. Only the sampler thread touches the previous snapshot.
 *
 * @param <S> raw snapshot type (counters plus capture time)
 * @param <T> published stats type (immutable)
 */
public final class StatsPublisher<S, T> {

    private final Class<T> statsType;
    private final Supplier<S> sampler;
    private final Function<S, T> first;
    private final BiFunction<S, S, T> between;
    private S previous;

    public StatsPublisher(Class<T> statsType, Supplier<S> sampler, Function<S, T> first, BiFunction<S, S, T> between) {
        this.statsType = statsType;
        this.sampler = sampler;
        this.first = first;
        this.between = between;
    }

    /** Publishes the first stats now (on the caller's thread), then every interval. */
    public void start(AgentContext context) {
        previous = sampler.get();
        context.snapshots().publish(statsType, first.apply(previous));
        context.everyInterval(() -> {
            S next = sampler.get();
            context.snapshots().publish(statsType, between.apply(previous, next));
            previous = next;
        });
    }

    /** Reads the latest published stats; they exist from {@link #start} on. */
    public static <T> Supplier<T> latest(AgentContext context, Class<T> statsType) {
        return () -> context.snapshots().latest(statsType)
                .orElseThrow(() -> new IllegalStateException("no " + statsType.getSimpleName() + " sampled yet"));
    }
}
