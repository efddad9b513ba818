package nl.werkmatch.matcher.synthetic;

/** Draws an index in proportion to fixed non-negative weights (a cumulative table and a binary search). */
final class Weighted {
    private final double[] cumulative;

    Weighted(double... weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("no weights");
        }
        cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("weight " + i + " is " + weights[i]);
            }
            sum += weights[i];
            cumulative[i] = sum;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("weights sum to zero");
        }
    }

    /** Weights 1/(rank+1)^exponent for ranks 0..n-1: Zipf's law. */
    static Weighted zipf(int n, double exponent) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = Math.pow(i + 1, -exponent);
        }
        return new Weighted(w);
    }

    int size() {
        return cumulative.length;
    }

    /** The probability of index i. */
    double probability(int i) {
        return (cumulative[i] - (i == 0 ? 0 : cumulative[i - 1])) / cumulative[cumulative.length - 1];
    }

    int draw(Rng rng) {
        double u = rng.nextDouble() * cumulative[cumulative.length - 1];
        // The first slot whose cumulative weight exceeds u; zero-weight slots never qualify.
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        // Only when rounding made u reach the total can lo be a zero-weight tail slot.
        while (lo > 0 && cumulative[lo] == cumulative[lo - 1]) {
            lo--;
        }
        return lo;
    }
}
