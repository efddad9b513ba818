package nl.werkmatch.matcher.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WeightedTest {
    @Test
    void drawsInProportionAndNeverAZeroWeight() {
        Weighted w = new Weighted(0, 1, 0, 3, 0);
        int[] counts = new int[5];
        Rng rng = Rng.of(9, 9, 9);
        for (int i = 0; i < 40_000; i++) {
            counts[w.draw(rng)]++;
        }
        assertThat(counts[0] + counts[2] + counts[4]).isZero();
        assertThat(counts[3] / (double) counts[1]).isBetween(2.8, 3.2);
        assertThat(w.probability(3)).isEqualTo(0.75);
    }

    @Test
    void zipfFallsAsOneOverRank() {
        Weighted z = Weighted.zipf(100, 1.0);
        assertThat(z.probability(0) / z.probability(9)).isCloseTo(10.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void refusesWeightsThatCannotBeDrawn() {
        assertThatThrownBy(() -> new Weighted()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Weighted(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Weighted(1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Weighted(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
