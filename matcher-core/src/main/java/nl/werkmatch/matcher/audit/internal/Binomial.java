package nl.werkmatch.matcher.audit.internal;

/**
 * The FA*IR table: for each prefix length i, the {@code alpha}-quantile of Binomial(i, p), the smallest m with
 * P(X <= m) >= alpha. The distribution function comes from the regularized incomplete beta function, so a table for
 * the longest page (10,000) costs microseconds, not a sum over every term.
 */
final class Binomial {
    /** Distribution values within this of alpha count as reaching it: the beta function is exact to about 1e-14. */
    private static final double TOLERANCE = 1e-12;

    private Binomial() {
    }

    /** {@code m[i]} for i = 0..n ({@code m[0]} is 0); non-decreasing, and {@code m[i] <= m[i-1] + 1}. */
    static int[] table(int n, double p, double alpha) {
        int[] m = new int[n + 1];
        for (int i = 1; i <= n; i++) {
            int candidate = m[i - 1];
            while (candidate < i && cdf(candidate, i, p) < alpha - TOLERANCE) {
                candidate++;
            }
            m[i] = candidate;
        }
        return m;
    }

    /** P(X <= m) for X ~ Binomial(n, p). */
    static double cdf(int m, int n, double p) {
        if (m < 0) {
            return 0;
        }
        if (m >= n || p <= 0) {
            return 1;
        }
        if (p >= 1) {
            return 0;
        }
        // P(X <= m) = I_{1-p}(n - m, m + 1)
        return regularizedBeta(1 - p, n - m, m + 1);
    }

    /** I_x(a, b) by the continued fraction (Numerical Recipes, betai), choosing the side that converges fast. */
    static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
        if (x < (a + 1) / (a + b + 2)) {
            return Math.exp(lnFront) * continuedFraction(x, a, b) / a;
        }
        return 1 - Math.exp(lnFront) * continuedFraction(1 - x, b, a) / b;
    }

    private static double continuedFraction(double x, double a, double b) {
        final double tiny = 1e-300;
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        if (Math.abs(d) < tiny) {
            d = tiny;
        }
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= 10_000; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1 + aa / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1 + aa / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < 1e-15) {
                break;
            }
        }
        return h;
    }

    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7
    };

    /** ln Gamma(x) for x > 0 (Lanczos, g = 7, about 15 digits). */
    static double logGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double z = x - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
