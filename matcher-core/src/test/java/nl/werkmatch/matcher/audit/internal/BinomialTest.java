package nl.werkmatch.matcher.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BinomialTest {

    @Test
    void theTableOfTheFairPaper() {
        // Zehlike et al. 2017, table 2: p = 0.5, alpha = 0.1
        assertThat(Binomial.table(12, 0.5, 0.1)).containsExactly(0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 3, 4);
    }

    @Test
    void distributionEqualsTheSumOfTermsForSmallN() {
        for (int n = 1; n <= 120; n += 7) {
            for (double p : new double[] {0.01, 0.1, 0.3, 0.5, 0.77, 0.95}) {
                double[] pmf = new double[n + 1];
                for (int j = 0; j <= n; j++) {
                    pmf[j] = Math.exp(Binomial.logGamma(n + 1) - Binomial.logGamma(j + 1) - Binomial.logGamma(n - j + 1)
                            + j * Math.log(p) + (n - j) * Math.log1p(-p));
                }
                double sum = 0;
                for (int m = 0; m <= n; m++) {
                    sum += pmf[m];
                    assertThat(Binomial.cdf(m, n, p)).as("n %d p %s m %d", n, p, m).isCloseTo(sum, within(1e-10));
                }
            }
        }
    }

    @Test
    void tableIsTheSmallestQuantileByDirectSearch() {
        for (double p : new double[] {0.05, 0.2, 0.5, 0.8}) {
            for (double alpha : new double[] {0.01, 0.1, 0.3}) {
                int[] m = Binomial.table(200, p, alpha);
                for (int i = 1; i <= 200; i++) {
                    int expected = 0;
                    while (Binomial.cdf(expected, i, p) < alpha - 1e-12) {
                        expected++;
                    }
                    assertThat(m[i]).as("p %s alpha %s i %d", p, alpha, i).isEqualTo(expected);
                    assertThat(m[i]).isBetween(m[i - 1], m[i - 1] + 1);
                }
            }
        }
    }

    @Test
    void shareZeroAsksForNoOneAndShareOneForEveryone() {
        assertThat(Binomial.table(50, 0, 0.1)).containsOnly(0);
        int[] all = Binomial.table(50, 1, 0.1);
        for (int i = 0; i <= 50; i++) {
            assertThat(all[i]).isEqualTo(i);
        }
    }

    @Test
    void longTablesAreCheap() {
        long start = System.nanoTime();
        int[] m = Binomial.table(10_000, 0.4, 0.1);
        assertThat(m[10_000]).isBetween(3900, 4000);
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }
}
