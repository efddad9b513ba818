package nl.werkmatch.matcher.evaluation;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap of a mean over queries: resample the queries with replacement, take the mean of each
 * resample, report the 2.5th and 97.5th percentiles. Seeded, so that a report can be reproduced; every system
 * of one report is resampled with the same draws, so their intervals are comparable.
 */
final class Bootstrap {
    private Bootstrap() {
    }

    /** The mean of {@code values} with its 95% interval from {@code samples} resamples (0 samples: no interval). */
    static EvaluationReport.Interval interval(double[] values, int samples, long seed) {
        int n = values.length;
        if (n == 0) {
            return new EvaluationReport.Interval(Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = Arrays.stream(values).sum() / n;
        if (samples == 0) {
            return new EvaluationReport.Interval(mean, mean, mean);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[samples];
        for (int s = 0; s < samples; s++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += values[random.nextInt(n)];
            }
            means[s] = sum / n;
        }
        Arrays.sort(means);
        return new EvaluationReport.Interval(mean, percentile(means, 0.025), percentile(means, 0.975));
    }

    /** The value at quantile {@code q} of sorted values, interpolating linearly between neighbours. */
    static double percentile(double[] sorted, double q) {
        double at = q * (sorted.length - 1);
        int lo = (int) Math.floor(at);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (at - lo) * (sorted[hi] - sorted[lo]);
    }
}
