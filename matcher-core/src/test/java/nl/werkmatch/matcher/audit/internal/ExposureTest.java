package nl.werkmatch.matcher.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.audit.AuditReport.Congestion;

class ExposureTest {

    @Test
    void giniOfEqualAndOfConcentratedExposure() {
        assertThat(Exposure.congestion(new int[] {3, 3, 3, 3}, 10).gini()).isEqualTo(0.0);
        assertThat(Exposure.congestion(new int[] {0, 0, 0, 10}, 10).gini()).isCloseTo(0.75, within(1e-12));
        assertThat(Exposure.congestion(new int[] {0, 0}, 10).gini()).isEqualTo(0.0);
    }

    @Test
    void giniEqualsTheMeanAbsoluteDifferenceDefinition() {
        Random rnd = new Random(3);
        for (int round = 0; round < 200; round++) {
            int n = 1 + rnd.nextInt(60);
            int[] x = new int[n];
            long sum = 0;
            for (int i = 0; i < n; i++) {
                x[i] = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(40);
                sum += x[i];
            }
            double diff = 0;
            for (int a : x) {
                for (int b : x) {
                    diff += Math.abs(a - b);
                }
            }
            double expected = sum == 0 ? 0 : diff / (2.0 * n * sum);
            assertThat(Exposure.congestion(x, 10).gini()).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void topSharesMostExposedAndLorenz() {
        int[] x = new int[100];
        x[99] = 50;
        x[98] = 30;
        for (int i = 0; i < 20; i++) {
            x[i] = 1;
        }
        Congestion c = Exposure.congestion(x, 3);
        assertThat(c.top1PercentShare()).isCloseTo(0.5, within(1e-12));
        assertThat(c.top10PercentShare()).isCloseTo(0.88, within(1e-12));
        assertThat(c.mostExposed()).containsExactly(50, 30, 1);
        assertThat(c.lorenz()).hasSize(101);
        assertThat(c.lorenz().get(0)).isEqualTo(0.0);
        assertThat(c.lorenz().get(100)).isEqualTo(1.0);
        assertThat(c.lorenz().get(98)).isCloseTo(0.2, within(1e-12));
        for (int i = 1; i <= 100; i++) {
            assertThat(c.lorenz().get(i)).isGreaterThanOrEqualTo(c.lorenz().get(i - 1));
        }
    }
}
