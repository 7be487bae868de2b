package dev.memtrack.agent.alloc.record;

/**
 * The arithmetic of sampled mode: bytes form a Poisson process of rate 1/mean along each
 * thread's allocations, and an allocation is sampled when a point of that process falls inside it.
 *
 * <p>A thread counts down {@code floor(E)} bytes with {@code E ~ Exp(mean)}; an allocation of
 * {@code s} bytes is sampled when the countdown drops below zero, after which a fresh countdown is
 * drawn and the overshoot discarded. By memorylessness the countdown at the start of every
 * allocation is again {@code floor(Exp(mean))}, whatever happened before, so each allocation is
 * sampled independently with probability {@code p(s) = 1 - exp(-s/mean)}.
 *
 * <p>A sample therefore stands for {@code 1/p(s)} allocations of {@code s} bytes (the
 * Horvitz-Thompson weight): {@code E[sampled × 1/p] = 1} for every allocation, so counts and bytes
 * summed per site, type, thread or stack are unbiased, however sizes mix. {@code 1/p} is rounded to
 * a whole count at random ({@code floor} or {@code ceil}, with the probability that keeps the mean),
 * which keeps counts integral and bytes exactly {@code count × s} without bias. (Attributing to a
 * sample the bytes since the previous sample, as JFR does, would also total correctly per thread,
 * but biases sites: a large object after many small ones would be charged for all of them.)
 */
public final class PoissonSampling {

    private PoissonSampling() {
    }

    /** Probability that an allocation of {@code size} bytes is sampled. */
    public static double probability(long size, double meanBytes) {
        return -Math.expm1(-size / meanBytes);
    }

    /** Allocations one sample of {@code size} bytes stands for; {@code uniform} in [0, 1). */
    public static long countWeight(long size, double meanBytes, double uniform) {
        double weight = 1.0 / probability(Math.max(1, size), meanBytes);
        long whole = (long) weight;
        return uniform < weight - whole ? whole + 1 : whole;
    }

    /** A fresh countdown in bytes, {@code floor(Exp(mean))}; {@code uniform} in [0, 1). */
    public static long countdown(double meanBytes, double uniform) {
        return (long) (-meanBytes * Math.log1p(-uniform));
    }
}
