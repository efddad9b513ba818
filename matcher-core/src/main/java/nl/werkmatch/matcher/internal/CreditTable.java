package nl.werkmatch.matcher.internal;

import java.util.Arrays;

import nl.werkmatch.matcher.taxonomy.Relation;

/**
 * The best similarity per concept while an occupation's skills are merged ({@link OccupationCoverage}): dense arrays
 * indexed by concept, reused through a pool and cleared through the list of touched concepts, so merging costs only
 * the offers made (profiles are prepared in a {@link CoverageTable}). A bit set of
 * the touched concepts gives them in ascending order without sorting. Not thread-safe; one user at a time.
 */
final class CreditTable {
    final double[] credit;
    final int[] via;
    final Relation[] relation;
    private final long[] marks;          // bit r set when concept r is touched
    private int[] targets = new int[256];
    private int touched;
    private double[] values = new double[256];

    CreditTable(int size) {
        credit = new double[size];
        via = new int[size];
        relation = new Relation[size];
        marks = new long[(size + 63) >>> 6];
    }

    void offer(int r, double c, int q, Relation rel) {
        if (credit[r] == 0) {
            if (touched == targets.length) {
                targets = Arrays.copyOf(targets, touched * 2);
            }
            targets[touched++] = r;
            marks[r >>> 6] |= 1L << r;
        } else if (c <= credit[r]) {
            return;   // the first of equal credits stays, so explanations are deterministic
        }
        credit[r] = c;
        via[r] = q;
        relation[r] = rel;
    }

    int touched() { return touched; }

    /** Every touched concept, ascending. */
    int[] ascending() {
        int[] all = new int[touched];
        int k = 0;
        for (int w = 0; w < marks.length && k < touched; w++) {
            for (long bits = marks[w]; bits != 0; bits &= bits - 1) {
                all[k++] = (w << 6) + Long.numberOfTrailingZeros(bits);
            }
        }
        return all;
    }

    /** The {@code rank}-th largest credit (1 = the largest); needs {@code rank <= touched()}. */
    double largest(int rank) {
        if (values.length < touched) {
            values = new double[Math.max(touched, values.length * 2)];
        }
        for (int i = 0; i < touched; i++) {
            values[i] = credit[targets[i]];
        }
        return select(values, touched, touched - rank);
    }

    /** The i-th touched concept, in the order first offered. */
    int touchedAt(int i) { return targets[i]; }

    /**
     * The concepts with the strongest credits, at most {@code limit}, ties to the lower index, ascending; for more
     * than {@code limit} touched concepts whose limit-th largest credit is {@code threshold}.
     */
    int[] strongest(int limit, double threshold) {
        int above = 0;
        for (int i = 0; i < touched; i++) {
            above += credit[targets[i]] > threshold ? 1 : 0;
        }
        int ties = limit - above;   // taken in ascending order, so the lowest indexes win
        int[] kept = new int[limit];
        int k = 0;
        for (int w = 0; w < marks.length && k < limit; w++) {
            for (long bits = marks[w]; bits != 0; bits &= bits - 1) {
                int r = (w << 6) + Long.numberOfTrailingZeros(bits);
                double c = credit[r];
                if (c > threshold || (c == threshold && ties-- > 0)) {
                    kept[k++] = r;
                }
            }
        }
        return kept;
    }

    /** The value of rank {@code rank} (0 = smallest) of {@code a[0, n)}, reordering it: quickselect, linear on average. */
    private static double select(double[] a, int n, int rank) {
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            double pivot = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double tmp = a[i];
                    a[i] = a[j];
                    a[j] = tmp;
                    i++;
                    j--;
                }
            }
            if (rank <= j) {
                hi = j;
            } else if (rank >= i) {
                lo = i;
            } else {
                return a[rank];
            }
        }
        return a[rank];
    }

    void clear() {
        for (int i = 0; i < touched; i++) {
            int r = targets[i];
            credit[r] = 0;
            marks[r >>> 6] = 0;
        }
        touched = 0;
    }
}
