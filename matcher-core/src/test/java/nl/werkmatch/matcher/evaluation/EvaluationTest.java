package nl.werkmatch.matcher.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.Match;
import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.SkillClaim;
import nl.werkmatch.matcher.model.SkillRequirement;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.scoring.ScoringWeights;

class EvaluationTest {
    private static Matcher matcher;
    private static List<Outcome> outcomes;

    @BeforeAll
    static void world() {
        matcher = World.matcher(600, 200, 5);
        outcomes = World.outcomes(matcher, 60, 5);
    }

    @AfterAll
    static void close() {
        matcher.close();
    }

    private static EvaluationOptions options() {
        return EvaluationOptions.DEFAULT.withBootstrapSamples(0).withDepth(50);
    }

    /** The grades of each query of a direction, worked out again from the outcomes. */
    private static Map<String, Map<String, Integer>> grades(Direction d) {
        Map<String, Map<String, Integer>> out = new HashMap<>();
        for (Outcome o : outcomes) {
            String q = d == Direction.CANDIDATES ? o.vacancy() : o.profile();
            out.computeIfAbsent(q, x -> new HashMap<>()).put(d == Direction.CANDIDATES ? o.profile() : o.vacancy(), o.grade());
        }
        out.values().removeIf(g -> !Metrics.hasRelevant(g));
        return out;
    }

    /** Top 50 among the vacancies open on the day of the query's earliest outcome. */
    private static MatchRequest asOfFirstOutcome(Direction d, String query) {
        LocalDate first = outcomes.stream()
                .filter(o -> (d == Direction.CANDIDATES ? o.vacancy() : o.profile()).equals(query))
                .map(Outcome::date).min(Comparator.naturalOrder()).orElseThrow();
        return MatchRequest.builder().k(50).openOn(first).build();
    }

    @Test
    void aQueryIsRankedAsOfItsFirstOutcomeSoAVacancyClosedSinceStillCounts() {
        try (Matcher m = World.matcher(200, 40, 9)) {
            Vacancy open = IntStream.range(0, 40).mapToObj(i -> m.vacancy("v-" + i).orElseThrow())
                    .filter(v -> m.candidatesFor(v.id(), MatchRequest.DEFAULT).matches().size() >= 3)
                    .findFirst().orElseThrow();
            LocalDate then = World.TODAY.minusDays(40);
            m.upsertVacancy(open.toBuilder().id("v-closed").openFrom(then.minusDays(20)).openUntil(then.plusDays(10)).build());
            m.refresh();
            String best = m.candidatesFor("v-closed", MatchRequest.builder().openOn(then).build()).matches().get(0).id();
            assertThat(m.candidatesFor("v-closed", MatchRequest.DEFAULT).matches()).isEmpty();   // closed today
            EvaluationOptions o = options().withBaselines(false);
            var dated = Evaluation.run(m, List.of(new Outcome(best, "v-closed", OutcomeKind.HIRED, then)), o);
            assertThat(dated.direction(Direction.CANDIDATES).system(EvaluationReport.ENGINE).mrr().mean()).isEqualTo(1.0);
            var undated = Evaluation.run(m, List.of(new Outcome(best, "v-closed", OutcomeKind.HIRED, null)), o);
            assertThat(undated.direction(Direction.CANDIDATES).system(EvaluationReport.ENGINE).mrr().mean()).isEqualTo(0.0);
        }
    }

    @Test
    void theEngineFiguresAreTheMeansOverTheQueriesOfItsOwnRankings() {
        EvaluationReport report = Evaluation.run(matcher, outcomes, options());
        for (Direction d : Direction.values()) {
            Map<String, Map<String, Integer>> grades = grades(d);
            double recall = 0;
            double rr = 0;
            double ndcg = 0;
            for (var e : grades.entrySet()) {
                List<String> ranked = Evaluation.rank(matcher, d, e.getKey(), asOfFirstOutcome(d, e.getKey()))
                        .stream().map(Match::id).toList();
                recall += Metrics.recall(ranked, e.getValue(), 10);
                rr += Metrics.reciprocalRank(ranked, e.getValue());
                ndcg += Metrics.ndcg(ranked, e.getValue(), 10);
            }
            int n = grades.size();
            EvaluationReport.DirectionFigures f = report.direction(d);
            assertThat(f.queries()).isEqualTo(n).isPositive();
            assertThat(f.outcomes()).isEqualTo(grades.values().stream().mapToInt(Map::size).sum());
            assertThat(f.system(EvaluationReport.ENGINE).recall().mean()).isCloseTo(recall / n, within(1e-12));
            assertThat(f.system(EvaluationReport.ENGINE).mrr().mean()).isCloseTo(rr / n, within(1e-12));
            assertThat(f.system(EvaluationReport.ENGINE).ndcg().mean()).isCloseTo(ndcg / n, within(1e-12));
        }
        // The outcomes came from the engine's own shortlists: every hire is in its top 15.
        assertThat(report.direction(Direction.CANDIDATES).system(EvaluationReport.ENGINE).mrr().mean()).isGreaterThan(0.5);
        assertThat(report.toText()).contains("candidates for a vacancy: 60 queries").contains("exact overlap")
                .contains("skill floor 0.10");
    }

    @Test
    void theExactOverlapBaselineRanksByTheShareOfRequiredSkillsDeclaredExactly() {
        ExactOverlap overlap = new ExactOverlap(matcher, 1);
        List<Profile> profiles = new ArrayList<>();
        matcher.forEachProfile(profiles::add);
        List<Vacancy> vacancies = new ArrayList<>();
        matcher.forEachVacancy(vacancies::add);
        Map<String, Profile> profileById = new HashMap<>();
        profiles.forEach(p -> profileById.put(p.id(), p));
        Map<String, Vacancy> vacancyById = new HashMap<>();
        vacancies.forEach(v -> vacancyById.put(v.id(), v));
        for (Vacancy v : vacancies.subList(0, 30)) {
            List<Double> expected = profiles.stream().map(p -> share(p, v)).filter(s -> s > 0)
                    .sorted(Comparator.reverseOrder()).limit(40).toList();
            List<Double> actual = overlap.candidates(v.id(), 40).stream().map(id -> share(profileById.get(id), v)).toList();
            assertThat(actual).isEqualTo(expected);
        }
        for (Profile p : profiles.subList(0, 30)) {
            List<Double> expected = vacancies.stream().map(v -> share(p, v)).filter(s -> s > 0)
                    .sorted(Comparator.reverseOrder()).limit(40).toList();
            List<Double> actual = overlap.vacancies(p.id(), 40).stream().map(id -> share(p, vacancyById.get(id))).toList();
            assertThat(actual).isEqualTo(expected);
        }
    }

    private static double share(Profile p, Vacancy v) {
        Set<String> has = new HashSet<>();
        p.skills().stream().map(SkillClaim::id).forEach(has::add);
        Set<String> required = new HashSet<>();
        v.skills().stream().map(SkillRequirement::id).forEach(required::add);
        long common = required.stream().filter(has::contains).count();
        return required.isEmpty() ? 0 : (double) common / required.size();
    }

    @Test
    void theSkillsOnlyBaselineIsTheEngineWithSkillsWeightOne() {
        EvaluationReport report = Evaluation.run(matcher, outcomes, options());
        EvaluationReport skills = Evaluation.run(matcher, outcomes,
                options().withWeights(new ScoringWeights(1, 0, 0, 0, 0, 10)).withBaselines(false));
        for (Direction d : Direction.values()) {
            assertThat(report.direction(d).system(EvaluationReport.SKILLS_ONLY))
                    .isEqualTo(new EvaluationReport.SystemFigures(EvaluationReport.SKILLS_ONLY,
                            skills.direction(d).system(EvaluationReport.ENGINE).recall(),
                            skills.direction(d).system(EvaluationReport.ENGINE).mrr(),
                            skills.direction(d).system(EvaluationReport.ENGINE).ndcg()));
        }
    }

    @Test
    void aSkillFloorIsMeasuredByDroppingEntriesBelowItFromTheDeepRanking() {
        EvaluationReport report = Evaluation.run(matcher, outcomes, options().withSkillFloors(List.of(0.3)));
        ScoringWeights w = matcher.weights();
        for (Direction d : Direction.values()) {
            long below = 0;
            long top = 0;
            double recall = 0;
            var grades = grades(d);
            for (var e : grades.entrySet()) {
                List<Match> page = Evaluation.rank(matcher, d, e.getKey(), asOfFirstOutcome(d, e.getKey()));
                List<String> kept = new ArrayList<>();
                for (int i = 0; i < page.size(); i++) {
                    double skills = page.get(i).contributions().get(nl.werkmatch.matcher.scoring.Component.SKILLS) / w.skills();
                    if (i < 10) {
                        top++;
                        below += skills < 0.3 ? 1 : 0;
                    }
                    if (skills >= 0.3) {
                        kept.add(page.get(i).id());
                    }
                }
                recall += Metrics.recall(kept, e.getValue(), 10);
            }
            EvaluationReport.FloorFigures f = report.direction(d).floors().get(0);
            assertThat(f.floor()).isEqualTo(0.3);
            assertThat(f.shareBelow()).isCloseTo((double) below / top, within(1e-12));
            assertThat(f.recall().mean()).isCloseTo(recall / grades.size(), within(1e-12));
        }
    }

    @Test
    void outcomesNamingUnknownRecordsAreCountedAndLeftOut() {
        List<Outcome> more = new ArrayList<>(outcomes);
        more.add(new Outcome("p-unknown", "v-0", OutcomeKind.HIRED, null));
        more.add(new Outcome("p-0", "v-unknown", OutcomeKind.HIRED, null));
        EvaluationReport with = Evaluation.run(matcher, more, options());
        EvaluationReport without = Evaluation.run(matcher, outcomes, options());
        for (Direction d : Direction.values()) {
            assertThat(with.direction(d).ignoredOutcomes()).isEqualTo(2);
            assertThat(with.direction(d).systems()).isEqualTo(without.direction(d).systems());
        }
        assertThat(with.toText()).contains("2 more name records not in the data");
    }
}
