package nl.werkmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.werkmatch.matcher.index.TopKSearch;
import nl.werkmatch.matcher.internal.PreparedProfile;
import nl.werkmatch.matcher.internal.PreparedVacancy;
import nl.werkmatch.matcher.internal.Scorer;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.scoring.ScoringWeights;

/**
 * A page's {@code total} and the engine's reachable sets equal a brute-force scan's count on random worlds, in both
 * directions, with random filters and weights; half of the thresholds are an exact pair score, so the document
 * that sits on the threshold decides whether the borderline is rescored right.
 */
class TotalVersusBruteForceTest {

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15})
    void totalEqualsFullScanCount(long seed) {
        RandomWorld world = new RandomWorld(seed);
        try (Matcher matcher = Matcher.builder().taxonomy(world.taxonomy).clock(TinyWorld.CLOCK).build()) {
            List<Profile> profiles = world.profiles(300);
            List<Vacancy> vacancies = world.vacancies(200);
            RandomWorld.load(matcher, profiles, vacancies);
            Scorer scorer = RandomWorld.referenceScorer(matcher);
            List<PreparedProfile> pps = profiles.stream().map(scorer::prepare).toList();
            List<PreparedVacancy> pvs = vacancies.stream().map(scorer::prepare).toList();
            TopKSearch engine = matcher.engineSearch();

            int positive = 0;
            for (int q = 0; q < 40; q++) {
                MatchRequest drawn = world.request();
                ScoringWeights w = drawn.weights() == null ? matcher.weights() : drawn.weights();
                // the skill floor is a hard filter: the request's, or the matcher's when it sets none
                double floor = drawn.minSkillFit() == null ? matcher.minSkillFit() : drawn.minSkillFit();

                PreparedVacancy pv = world.pick(pvs);
                double threshold = threshold(world, drawn, pps.stream()
                        .filter(pp -> EngineVersusBruteForceTest.admits(pp, pv, drawn, true)
                                && EngineVersusBruteForceTest.skills(pp, pv) >= floor)
                        .map(pp -> Scorer.score(pp, pv, w)).toList());
                MatchRequest request = drawn.toBuilder().minScore(threshold).withTotal(true).build();
                Map<String, Double> expected = new java.util.HashMap<>();
                for (PreparedProfile pp : pps) {
                    double s = Scorer.score(pp, pv, w);
                    if (EngineVersusBruteForceTest.admits(pp, pv, request, true) && s >= threshold
                            && EngineVersusBruteForceTest.skills(pp, pv) >= floor) {
                        expected.put(pp.id(), s);
                    }
                }
                MatchPage page = matcher.candidatesFor(pv.id(), request);
                assertThat(page.total()).as("candidates for " + pv.id() + " with " + request).hasValue(expected.size());
                assertThat(engine.reachableCandidates(pv.vacancy(), request)).as("reachable candidates for " + pv.id())
                        .isEqualTo(expected);
                positive += expected.isEmpty() ? 0 : 1;

                PreparedProfile pp = world.pick(pps);
                threshold = threshold(world, drawn, pvs.stream()
                        .filter(v -> EngineVersusBruteForceTest.admits(pp, v, drawn, false)
                                && EngineVersusBruteForceTest.skills(pp, v) >= floor)
                        .map(v -> Scorer.score(pp, v, w)).toList());
                request = drawn.toBuilder().minScore(threshold).withTotal(true).build();
                expected = new java.util.HashMap<>();
                for (PreparedVacancy v : pvs) {
                    double s = Scorer.score(pp, v, w);
                    if (EngineVersusBruteForceTest.admits(pp, v, request, false) && s >= threshold
                            && EngineVersusBruteForceTest.skills(pp, v) >= floor) {
                        expected.put(v.id(), s);
                    }
                }
                page = matcher.vacanciesFor(pp.id(), request);
                assertThat(page.total()).as("vacancies for " + pp.id() + " with " + request).hasValue(expected.size());
                assertThat(engine.reachableVacancies(pp.profile(), request)).as("reachable vacancies for " + pp.id())
                        .isEqualTo(expected);
                positive += expected.isEmpty() ? 0 : 1;
                assertThat(matcher.vacanciesFor(pp.id(), request.toBuilder().withTotal(false).build()).total())
                        .as("no total unless asked").isEmpty();
            }
            assertThat(positive).as("the random requests must not all count nothing").isGreaterThan(20);
        }
    }

    /**
     * The request's own, none, exactly an admitted pair's score (that pair must count) or the next double above it
     * (it must not: Lucene's score alone cannot tell, only the exact rescoring of the borderline can).
     */
    private static double threshold(RandomWorld world, MatchRequest drawn, List<Double> admittedScores) {
        int pick = world.rnd.nextInt(5);
        if (pick == 0 || admittedScores.isEmpty()) {
            return drawn.minScore();
        }
        if (pick == 1) {
            return 0;
        }
        double s = admittedScores.get(world.rnd.nextInt(admittedScores.size()));
        return pick == 2 ? s : Math.min(1, Math.nextUp(s));
    }
}
