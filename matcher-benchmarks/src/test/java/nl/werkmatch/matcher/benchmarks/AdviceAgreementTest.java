package nl.werkmatch.matcher.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.advice.Advice;
import nl.werkmatch.matcher.advice.AdviceRequest;
import nl.werkmatch.matcher.advice.Suggestion;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;

/**
 * The advice benchmark compares like with like: on a small synthetic world, the engine's advice and the
 * brute-force baseline's give the same reachable count and the same suggestions (kind, summary, reachable,
 * unlocks, loses, examples, in the same order), for job seekers and for employers, at two thresholds.
 */
class AdviceAgreementTest {

    @Test
    void profileAdviceAgrees() {
        BenchWorld world = BenchWorld.of("sample", AdviceBenchmark.OTHER_SIDE, 3_000);
        Matcher matcher = world.matcher();
        BruteForceAdvice brute = AdviceBenchmark.baseline(world, true);
        int suggestions = 0;
        int reachable = 0;
        for (double minScore : new double[] {0.4, AdviceRequest.DEFAULT_MIN_SCORE}) {
            AdviceRequest r = new AdviceRequest(minScore, AdviceRequest.MAX_LIMIT, null);
            for (Profile p : world.queryProfiles(15)) {
                Advice expected = brute.adviseProfile(p, r);
                Advice actual = matcher.adviseProfile(p.id(), r);
                assertSame("profile " + p.id() + " at " + minScore, expected, actual);
                suggestions += expected.suggestions().size();
                reachable += expected.reachable() > 0 ? 1 : 0;
            }
        }
        assertThat(suggestions).as("the world must give advice").isGreaterThan(30);
        assertThat(reachable).as("profiles with something reachable").isGreaterThan(5);
    }

    @Test
    void vacancyAdviceAgrees() {
        BenchWorld world = BenchWorld.of("sample", 5_000, AdviceBenchmark.OTHER_SIDE);
        Matcher matcher = world.matcher();
        BruteForceAdvice brute = AdviceBenchmark.baseline(world, false);
        int suggestions = 0;
        int reachable = 0;
        for (double minScore : new double[] {0.4, AdviceRequest.DEFAULT_MIN_SCORE}) {
            AdviceRequest r = new AdviceRequest(minScore, AdviceRequest.MAX_LIMIT, null);
            for (Vacancy v : world.queryVacancies(15)) {
                Advice expected = brute.adviseVacancy(v, r);
                Advice actual = matcher.adviseVacancy(v.id(), r);
                assertSame("vacancy " + v.id() + " at " + minScore, expected, actual);
                suggestions += expected.suggestions().size();
                reachable += expected.reachable() > 0 ? 1 : 0;
            }
        }
        assertThat(suggestions).as("the world must give employer advice").isGreaterThan(30);
        assertThat(reachable).as("vacancies with candidates").isGreaterThan(5);
    }

    private static void assertSame(String what, Advice expected, Advice actual) {
        assertThat(actual.reachable()).as(what + ": reachable").isEqualTo(expected.reachable());
        assertThat(summaries(actual.suggestions())).as(what + ": suggestions").isEqualTo(summaries(expected.suggestions()));
        assertThat(actual.suggestions()).as(what + ": patches").extracting(Suggestion::patch)
                .isEqualTo(expected.suggestions().stream().map(Suggestion::patch).toList());
    }

    /** Everything the baseline must reproduce, one readable line per suggestion. */
    private static List<String> summaries(List<Suggestion> suggestions) {
        return suggestions.stream().map(s -> s.kind() + " " + s.summary() + ": reachable " + s.reachable()
                + ", unlocks " + s.unlocks() + ", loses " + s.loses() + ", examples " + s.examples()).toList();
    }
}
