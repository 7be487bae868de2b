package dev.memtrack.agent.testing.soak;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A least-squares line through samples over time, for telling a leak from noise: the slope per
 * minute and its standard error (the slope's own uncertainty from the scatter of the samples).
 *
 * @param slopePerMinute   fitted change per minute
 * @param standardError    standard error of the slope; a slope within about two of these of zero is noise
 * @param first            fitted value at the first sample
 * @param samples          how many samples the line is fitted to
 */
public record Trend(double slopePerMinute, double standardError, double first, int samples) {

    public static Trend of(List<FootprintSample> samples, ToDoubleFunction<FootprintSample> value) {
        int n = samples.size();
        if (n < 3) {
            throw new IllegalArgumentException("a trend needs at least 3 samples, got " + n);
        }
        double meanX = samples.stream().mapToDouble(FootprintSample::elapsedMinutes).average().orElseThrow();
        double meanY = samples.stream().mapToDouble(value).average().orElseThrow();
        double sxx = 0;
        double sxy = 0;
        for (FootprintSample s : samples) {
            double dx = s.elapsedMinutes() - meanX;
            sxx += dx * dx;
            sxy += dx * (value.applyAsDouble(s) - meanY);
        }
        double slope = sxy / sxx;
        double intercept = meanY - slope * meanX;
        double residuals = 0;
        for (FootprintSample s : samples) {
            double r = value.applyAsDouble(s) - (intercept + slope * s.elapsedMinutes());
            residuals += r * r;
        }
        double standardError = Math.sqrt(residuals / (n - 2) / sxx);
        return new Trend(slope, standardError, intercept + slope * samples.get(0).elapsedMinutes(), n);
    }

    /** The slope's upper bound at about 95 % confidence: slope + 2 standard errors. */
    public double upperBoundPerMinute() {
        return slopePerMinute + 2 * standardError;
    }
}
