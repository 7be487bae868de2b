package dev.memtrack.agent.alloc.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The sampling weights are unbiased, proven on the very countdown the recorders run
 * ({@link ThreadState#takeSample}): over many independent replays of one allocation stream, the
 * mean estimate of every size class is within 4 standard errors of the truth, whatever the mix
 * of tiny and huge objects; charging each sample with the bytes since the previous one (what JFR
 * does) is not. Seeds are fixed, so the outcome is reproducible.
 */
class PoissonSamplingTest {

    private static final long MEAN = 32 * 1024;
    private static final long[] SIZES = {16, 200, 96 * 1024};
    private static final double[] SHARE = {0.90, 0.08, 0.02};
    private static final int ALLOCATIONS = 4_000;
    private static final int TRIALS = 4_000;

    @Test
    void estimatesAreUnbiasedForEverySizeWhateverTheMix() {
        int[] stream = stream(ALLOCATIONS, new SplittableRandom(7));
        double[] truth = truth(stream);
        Moments[] ours = moments();
        Moments[] sinceLastSample = moments();
        for (int trial = 0; trial < TRIALS; trial++) {
            ThreadState t = new ThreadState(Thread.currentThread(), SplitMix64.mix(trial), MEAN);
            double[] estimate = new double[SIZES.length];
            double[] charged = new double[SIZES.length];
            long sinceLast = 0;
            for (int c : stream) {
                long size = SIZES[c];
                sinceLast += size;
                if ((t.remaining -= size) < 0) {
                    estimate[c] += t.takeSample(size, MEAN) * (double) size;
                    charged[c] += sinceLast;
                    sinceLast = 0;
                }
            }
            for (int c = 0; c < SIZES.length; c++) {
                ours[c].add(estimate[c]);
                sinceLastSample[c].add(charged[c]);
            }
        }
        for (int c = 0; c < SIZES.length; c++) {
            assertThat(Math.abs(ours[c].mean() - truth[c]))
                    .as("size %d: mean estimate %.0f vs truth %.0f", SIZES[c], ours[c].mean(), truth[c])
                    .isLessThanOrEqualTo(4 * ours[c].standardError());
        }
        // The alternative charges the small objects' bytes to the large ones that get sampled after them.
        assertThat(truth[0] - sinceLastSample[0].mean()).isGreaterThan(10 * sinceLastSample[0].standardError());
        assertThat(sinceLastSample[2].mean() - truth[2]).isGreaterThan(10 * sinceLastSample[2].standardError());
    }

    @Test
    void sampleCountsFollowTheInterval() {
        long interval = 16 * 1024;
        ThreadState t = new ThreadState(Thread.currentThread(), SplitMix64.mix(99), interval);
        SplittableRandom sizes = new SplittableRandom(3);
        double expected = 0;
        double variance = 0;
        for (int i = 0; i < 1_000_000; i++) {
            long size = 16 + 8L * sizes.nextInt(64);
            double p = PoissonSampling.probability(size, interval);
            expected += p;
            variance += p * (1 - p);
            if ((t.remaining -= size) < 0) {
                t.takeSample(size, interval);
            }
        }
        // A sum of independent Bernoulli trials: within 5 standard deviations.
        assertThat((double) t.samples).isCloseTo(expected, org.assertj.core.data.Offset.offset(5 * Math.sqrt(variance)));
    }

    @Test
    void countdownsAndWeightsHaveTheRightMeans() {
        SplittableRandom random = new SplittableRandom(11);
        Moments countdown = new Moments();
        Moments weight = new Moments();
        long size = 100;
        for (int i = 0; i < 200_000; i++) {
            countdown.add(PoissonSampling.countdown(MEAN, random.nextDouble()));
            weight.add(PoissonSampling.countWeight(size, MEAN, random.nextDouble()));
        }
        // floor(Exp(m)) has mean 1 / (e^(1/m) - 1), about m - 1/2.
        assertThat(Math.abs(countdown.mean() - 1 / Math.expm1(1.0 / MEAN))).isLessThan(4 * countdown.standardError());
        assertThat(Math.abs(weight.mean() - 1 / PoissonSampling.probability(size, MEAN)))
                .isLessThan(4 * weight.standardError());
        assertThat(PoissonSampling.countWeight(1 << 30, MEAN, 0.999)).isEqualTo(1);
    }

    private static int[] stream(int n, SplittableRandom random) {
        int[] classes = new int[n];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            classes[i] = u < SHARE[0] ? 0 : u < SHARE[0] + SHARE[1] ? 1 : 2;
        }
        return classes;
    }

    private static double[] truth(int[] stream) {
        double[] t = new double[SIZES.length];
        for (int c : stream) {
            t[c] += SIZES[c];
        }
        return t;
    }

    private static Moments[] moments() {
        Moments[] m = new Moments[SIZES.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = new Moments();
        }
        return m;
    }

    /** Running mean and variance (Welford). */
    private static final class Moments {
        private long n;
        private double mean;
        private double m2;

        void add(double x) {
            n++;
            double d = x - mean;
            mean += d / n;
            m2 += d * (x - mean);
        }

        double mean() {
            return mean;
        }

        double standardError() {
            return Math.sqrt(m2 / (n - 1) / n);
        }
    }
}
