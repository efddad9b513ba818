package nl.werkmatch.matcher.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Every metric against values worked out by hand. */
class MetricsTest {
    // a: no outcome, b: HIRED, c: REJECTED, d: PROPOSED; e: INTERVIEWED but not ranked at all
    private static final List<String> RANKED = List.of("a", "b", "c", "d");
    private static final Map<String, Integer> GRADES = Map.of("b", 3, "c", 0, "d", 1, "e", 2);

    @Test
    void recallCountsRelevantIdsInTheTopKOverAllRelevantIds() {
        assertThat(Metrics.recall(RANKED, GRADES, 1)).isEqualTo(0.0);
        assertThat(Metrics.recall(RANKED, GRADES, 3)).isEqualTo(1.0 / 3);  // b of {b, d, e}; c is rejected
        assertThat(Metrics.recall(RANKED, GRADES, 4)).isEqualTo(2.0 / 3);
        assertThat(Metrics.recall(RANKED, GRADES, 100)).isEqualTo(2.0 / 3);
    }

    @Test
    void reciprocalRankIsOneOverTheRankOfTheFirstRelevantId() {
        assertThat(Metrics.reciprocalRank(RANKED, GRADES)).isEqualTo(0.5);
        assertThat(Metrics.reciprocalRank(List.of("c", "a", "x", "d"), GRADES)).isEqualTo(0.25); // rejected c is not relevant
        assertThat(Metrics.reciprocalRank(List.of("a", "c"), GRADES)).isEqualTo(0.0);
        assertThat(Metrics.reciprocalRank(List.of(), GRADES)).isEqualTo(0.0);
    }

    @Test
    void ndcgUsesExponentialGainAndTheIdealOrderOfEveryGradedId() {
        // DCG@3 = (2^3-1)/log2(3) = 4.4165; ideal: grades 3, 2, 1 -> 7/1 + 3/log2(3) + 1/2 = 9.3928
        assertThat(Metrics.ndcg(RANKED, GRADES, 3)).isCloseTo(0.47020199776783905, within(1e-12));
        // Ranked x, a, b with a and b INTERVIEWED, c HIRED (unranked), k 2: DCG = 3/log2(3); ideal 7 + 3/log2(3)
        assertThat(Metrics.ndcg(List.of("x", "a", "b"), Map.of("a", 2, "b", 2, "c", 3), 2))
                .isCloseTo(0.2128453970090281, within(1e-12));
        assertThat(Metrics.ndcg(List.of("b", "e", "d"), GRADES, 3)).isCloseTo(1.0, within(1e-12));
        assertThat(Metrics.ndcg(List.of("a", "c"), GRADES, 2)).isEqualTo(0.0);
        assertThat(Metrics.ndcg(List.of("a"), Map.of("a", 0), 10)).isEqualTo(0.0);
    }

    @Test
    void aQueryWithOnlyRejectionsHasNothingToFind() {
        assertThat(Metrics.hasRelevant(Map.of("a", 0, "b", 0))).isFalse();
        assertThat(Metrics.hasRelevant(GRADES)).isTrue();
    }

    @Test
    void bootstrapPercentilesInterpolateAndRepeatWithTheSeed() {
        assertThat(Bootstrap.percentile(new double[] {1, 2, 3, 4}, 0.5)).isEqualTo(2.5);
        assertThat(Bootstrap.percentile(new double[] {1, 2, 3, 4}, 0.0)).isEqualTo(1.0);
        assertThat(Bootstrap.percentile(new double[] {1, 2, 3, 4}, 1.0)).isEqualTo(4.0);
        var constant = Bootstrap.interval(new double[] {0.4, 0.4, 0.4}, 500, 3);
        assertThat(constant.low()).isCloseTo(0.4, within(1e-12));
        assertThat(constant.high()).isCloseTo(0.4, within(1e-12));
        assertThat(constant.mean()).isCloseTo(0.4, within(1e-12));
        double[] values = new double[200];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 2;   // mean 0.5, standard error 0.035
        }
        var a = Bootstrap.interval(values, 2000, 7);
        assertThat(a).isEqualTo(Bootstrap.interval(values, 2000, 7));
        assertThat(a.mean()).isEqualTo(0.5);
        // A 95% interval is about two standard errors each side: 0.5 -/+ 0.069.
        assertThat(a.low()).isBetween(0.42, 0.46);
        assertThat(a.high()).isBetween(0.54, 0.58);
        assertThat(Bootstrap.interval(new double[0], 10, 1).mean()).isNaN();
    }
}
