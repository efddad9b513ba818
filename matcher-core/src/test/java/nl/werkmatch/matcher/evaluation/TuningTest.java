package nl.werkmatch.matcher.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.scoring.ScoringWeights;

class TuningTest {
    private static Matcher matcher;
    private static List<Outcome> outcomes;

    @BeforeAll
    static void world() {
        matcher = World.matcher(1500, 400, 21);
        outcomes = World.outcomes(matcher, 200, 21);
    }

    @AfterAll
    static void close() {
        matcher.close();
    }

    @Test
    void datedOutcomesAreSplitByTimeOthersAtRandomRepeatably() {
        Tuning.Split byTime = Tuning.split(outcomes, 0.3, 1);
        assertThat(byTime.cutoff()).isNotNull();
        assertThat(byTime.train()).allMatch(o -> !o.date().isAfter(byTime.cutoff()));
        assertThat(byTime.heldOut()).allMatch(o -> o.date().isAfter(byTime.cutoff()));
        assertThat(byTime.train().size() + byTime.heldOut().size()).isEqualTo(outcomes.size());
        assertThat((double) byTime.heldOut().size() / outcomes.size()).isBetween(0.2, 0.4);

        List<Outcome> undated = new ArrayList<>();
        outcomes.forEach(o -> undated.add(new Outcome(o.profile(), o.vacancy(), o.outcome(), null)));
        Tuning.Split random = Tuning.split(undated, 0.3, 1);
        assertThat(random.cutoff()).isNull();
        assertThat(random).isEqualTo(Tuning.split(undated, 0.3, 1));
        assertThat(random).isNotEqualTo(Tuning.split(undated, 0.3, 2));
        assertThat((double) random.heldOut().size() / undated.size()).isBetween(0.25, 0.35);

        List<Outcome> oneDay = new ArrayList<>();
        outcomes.forEach(o -> oneDay.add(new Outcome(o.profile(), o.vacancy(), o.outcome(), LocalDate.of(2026, 1, 1))));
        assertThat(Tuning.split(oneDay, 0.3, 1).cutoff()).isNull();
    }

    @Test
    void tuningTheWeightsFindsTheEmployersPreferenceAndHoldsUpOnLaterOutcomes() {
        Tuning.Split split = Tuning.split(outcomes, 0.3, 1);
        TuningOptions options = TuningOptions.DEFAULT.withTuneSimilarity(false)
                .withEvaluation(EvaluationOptions.DEFAULT.withBootstrapSamples(100));
        TuningResult r = Tuning.run(matcher, split.train(), split.heldOut(), options);
        ScoringWeights before = r.before().weights();
        ScoringWeights after = r.after().weights();
        assertThat(before).isEqualTo(ScoringWeights.DEFAULT);
        // The hidden preference weighs language and distance more than the defaults, skills less.
        assertThat(after.language() + after.distance()).isGreaterThan(before.language() + before.distance());
        assertThat(after.skills()).isLessThan(before.skills());
        assertThat(r.poolObjectiveAfter()).isGreaterThan(r.poolObjectiveBefore());
        assertThat(r.trainAfter().engineNdcg()).isGreaterThan(r.trainBefore().engineNdcg());
        assertThat(r.improvesHeldOut()).isTrue();
        assertThat(r.after().similarity()).isEqualTo(r.before().similarity());
        assertThat(r.toText()).contains("held-out nDCG@10").contains("weights after:").contains("rank the held-out outcomes better");
        // The after-report carries the same baselines as the before-report.
        assertThat(r.heldOutAfter().direction(Direction.CANDIDATES).system(EvaluationReport.EXACT_OVERLAP))
                .isEqualTo(r.heldOutBefore().direction(Direction.CANDIDATES).system(EvaluationReport.EXACT_OVERLAP));
    }

    @Test
    void tuningTheCreditsMeasuresTheResultOnACopyIndexedWithThem() {
        Tuning.Split split = Tuning.split(outcomes, 0.3, 1);
        TuningOptions options = TuningOptions.DEFAULT.withMaxRounds(2).withPoolDepth(40)
                .withEvaluation(EvaluationOptions.DEFAULT.withBootstrapSamples(0).withDepth(40));
        TuningResult r = Tuning.run(matcher, split.train(), split.heldOut(), options);
        assertThat(r.settingsTried()).isGreaterThan(9);
        assertThat(r.poolObjectiveAfter()).isGreaterThanOrEqualTo(r.poolObjectiveBefore());
        if (r.after().changesIndex(r.before())) {
            // Measured on the copy: the figures differ from the before-figures under the same weights.
            assertThat(r.heldOutAfter().direction(Direction.CANDIDATES).queries())
                    .isEqualTo(r.heldOutBefore().direction(Direction.CANDIDATES).queries());
        }
        assertThat(Tuning.project(new double[] {1, 1, 1, 1, 1, 0.5, 0.7, 0.1, 0.1}))
                .containsExactly(0.2, 0.2, 0.2, 0.2, 0.2, 0.5, 0.5, 0.1, 0.1);
        assertThat(Tuning.project(new double[] {0, 0, 0, 0, 0})).isNull();
    }
}
