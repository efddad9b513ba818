package nl.werkmatch.matcher.audit.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import nl.werkmatch.matcher.audit.AuditReport.Congestion;

/** How unevenly list places are spread: Gini coefficient, top shares and the Lorenz curve of exposure. */
final class Exposure {
    private Exposure() {
    }

    static Congestion congestion(int[] exposures, int mostExposed) {
        int[] x = exposures.clone();
        Arrays.sort(x);
        int n = x.length;
        long total = 0;
        for (int v : x) {
            total += v;
        }
        List<Integer> top = new ArrayList<>();
        for (int i = n - 1; i >= 0 && top.size() < mostExposed && x[i] > 0; i--) {
            top.add(x[i]);
        }
        List<Double> lorenz = new ArrayList<>();
        long[] prefix = new long[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + x[i];
        }
        for (int p = 0; p <= 100; p++) {
            lorenz.add(total == 0 ? 0.0 : (double) prefix[(int) ((long) n * p / 100)] / total);
        }
        return new Congestion(gini(x, total), topShare(prefix, n, total, 0.01), topShare(prefix, n, total, 0.10), top, lorenz);
    }

    /** G = sum_i (2i - n - 1) x_i / (n sum x), x ascending, i from 1; 0 when no one holds a place. */
    static double gini(int[] ascending, long total) {
        int n = ascending.length;
        if (n == 0 || total == 0) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += (2.0 * (i + 1) - n - 1) * ascending[i];
        }
        return sum / ((double) n * total);
    }

    /** The share of places held by the top {@code fraction} of profiles (at least one profile). */
    private static double topShare(long[] prefix, int n, long total, double fraction) {
        if (n == 0 || total == 0) {
            return 0;
        }
        int count = Math.max(1, (int) Math.ceil(n * fraction));
        return (double) (prefix[n] - prefix[n - count]) / total;
    }
}
