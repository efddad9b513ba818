package nl.werkmatch.matcher.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.Match;
import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.scoring.RankingSettings;
import nl.werkmatch.matcher.scoring.ScoringWeights;
import nl.werkmatch.matcher.taxonomy.SkillSimilarity;

/** Rescoring a pool by arithmetic gives what the engine gives, under other weights and other credits. */
class PoolTest {
    private static Matcher matcher;
    private static Pool pool;
    private static List<GradedQueries> queries;

    @BeforeAll
    static void world() {
        matcher = World.matcher(300, 80, 11);
        List<Outcome> outcomes = World.outcomes(matcher, 25, 11);
        ExactOverlap ids = new ExactOverlap(matcher, 1);
        queries = List.of(
                GradedQueries.of(Direction.CANDIDATES, outcomes, ids::hasProfile, ids::hasVacancy),
                GradedQueries.of(Direction.VACANCIES, outcomes, ids::hasProfile, ids::hasVacancy));
        // Deeper than either side is large: the pool is every match that passes the filters.
        pool = Pool.read(matcher, queries, EvaluationOptions.DEFAULT, matcher.weights(), 1000);
    }

    @AfterAll
    static void close() {
        matcher.close();
    }

    /** The request as the pool made it: as of the day of the query's first outcome. */
    private static MatchRequest request(Pool.Query q, MatchRequest base) {
        return queries.get(q.direction.ordinal()).request(base, q.id);
    }

    @Test
    void underOtherWeightsThePoolRanksAsTheEngineDoes() {
        SplittableRandom random = new SplittableRandom(3);
        double[][] skills = pool.skills(matcher.scorer().similarity().config());
        for (int trial = 0; trial < 5; trial++) {
            ScoringWeights w = ScoringWeights.normalized(random.nextDouble(), random.nextDouble(), random.nextDouble(),
                    random.nextDouble(), random.nextDouble(), 10);
            double[] x = {w.skills(), w.language(), w.distance(), w.level(), w.preference()};
            for (int qi = 0; qi < pool.queries.size(); qi++) {
                Pool.Query q = pool.queries.get(qi);
                List<Match> engine = Evaluation.rank(matcher, q.direction, q.id,
                        request(q, MatchRequest.builder().k(1000).weights(w).build()));
                List<String> rescored = Pool.rerank(q, x, skills[qi]);
                assertThat(rescored).hasSameSizeAs(engine).containsExactlyInAnyOrderElementsOf(
                        engine.stream().map(Match::id).toList());
                Map<String, Double> score = new HashMap<>();
                engine.forEach(m -> score.put(m.id(), m.score()));
                for (int i = 0; i < engine.size(); i++) {
                    // The same score at every rank; ids of near-ties may swap.
                    assertThat(score.get(rescored.get(i))).isCloseTo(engine.get(i).score(), within(1e-4));
                }
            }
        }
    }

    @Test
    void underOtherCreditsTheSkillsValuesAreThoseOfAMatcherIndexedWithThem() {
        SkillSimilarity.Config other = new SkillSimilarity.Config(0.7, 0.3, 0.1, 0.2, 3, 64);
        double[][] skills = pool.skills(other);
        ScoringWeights skillsOnly = new ScoringWeights(1, 0, 0, 0, 0, 10);
        int compared = 0;
        try (Matcher copy = Tuning.copy(matcher, Tuning.settingsOf(matcher).withSimilarity(other),
                TuningOptions.DEFAULT)) {
            assertThat(copy.scorer().similarity().config()).isEqualTo(other);
            for (int qi = 0; qi < pool.queries.size(); qi++) {
                Pool.Query q = pool.queries.get(qi);
                Map<String, Double> engine = new HashMap<>();
                Evaluation.rank(copy, q.direction, q.id, request(q, MatchRequest.builder().k(1000).weights(skillsOnly).build()))
                        .forEach(m -> engine.put(m.id(), m.score()));
                for (int j = 0; j < q.others.length; j++) {
                    Double e = engine.get(q.others[j]);
                    if (e != null) {
                        assertThat(skills[qi][j]).isCloseTo(e, within(1e-9));
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(100);
        assertThat(RankingSettings.DEFAULT.similarity()).isNotEqualTo(other);
    }
}
