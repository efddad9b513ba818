package nl.werkmatch.matcher.allocation;

import java.util.Arrays;

/** The Gini coefficient of a list of non-negative counts. */
final class Gini {
    private Gini() {
    }

    /**
     * {@code sum_i sum_j |x_i - x_j| / (2 n^2 mean)}: 0 when everyone has the same, (n - 1) / n when one has all;
     * 0 for an empty list or all zeros. Computed from the sorted counts in O(n log n).
     */
    static double of(int[] counts) {
        int n = counts.length;
        if (n == 0) {
            return 0;
        }
        int[] x = counts.clone();
        Arrays.sort(x);
        long sum = 0;
        long weighted = 0;
        for (int i = 0; i < n; i++) {
            sum += x[i];
            weighted += (long) (i + 1) * x[i];
        }
        if (sum == 0) {
            return 0;
        }
        return (2.0 * weighted) / ((double) n * sum) - (n + 1.0) / n;
    }
}
