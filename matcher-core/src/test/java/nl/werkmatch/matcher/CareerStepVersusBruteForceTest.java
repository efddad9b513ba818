package nl.werkmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.werkmatch.matcher.advice.Advice;
import nl.werkmatch.matcher.advice.AdviceRequest;
import nl.werkmatch.matcher.advice.CareerStep;
import nl.werkmatch.matcher.internal.PreparedProfile;
import nl.werkmatch.matcher.internal.PreparedVacancy;
import nl.werkmatch.matcher.internal.Scorer;
import nl.werkmatch.matcher.model.Evidence;
import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.model.Location;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.SkillClaim;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.scoring.ScoringWeights;

/**
 * The career step is exact: on random worlds, for job seekers and a wanted occupation, it equals what an exhaustive
 * enumeration finds over every set of up to three of the skills that the occupation's vacancies passing the hard
 * filters ask for, each set learned with a certificate and counted by a brute-force scan: the smallest size that
 * reaches a vacancy of the occupation, of that size the set reaching most, ties by the ids in order.
 */
class CareerStepVersusBruteForceTest {

    @ParameterizedTest
    @ValueSource(longs = {51, 52, 53})
    void theCareerStepIsTheSmallestBestSetByExhaustiveEnumeration(long seed) {
        RandomWorld world = new RandomWorld(seed);
        try (Matcher matcher = Matcher.builder().taxonomy(world.taxonomy).clock(TinyWorld.CLOCK).build()) {
            double floor = matcher.minSkillFit();
            List<Profile> profiles = world.profiles(40);
            List<Vacancy> vacancies = world.vacancies(200);
            RandomWorld.load(matcher, profiles, vacancies);
            Scorer scorer = RandomWorld.referenceScorer(matcher);
            ScoringWeights w = matcher.weights();
            int withSkills = 0;
            int none = 0;
            for (Profile p : profiles) {
                String occupation = world.pick(world.occupations);
                double minScore = 0.4 + world.rnd.nextDouble() * 0.2;
                Advice advice = matcher.adviseProfile(p.id(),
                        new AdviceRequest(minScore, AdviceRequest.DEFAULT_LIMIT, null, occupation));
                Expected expected = enumerate(scorer, p, vacancies, occupation, minScore, w, floor);
                CareerStep step = advice.careerStep();
                String what = p.id() + " towards " + occupation + " at " + minScore;
                if (expected == null) {
                    assertThat(step).as(what).isNull();
                    none++;
                    continue;
                }
                assertThat(step).as(what).isNotNull();
                assertThat(step.occupation()).isEqualTo(occupation);
                assertThat(step.skills()).as(what).extracting(CareerStep.Skill::id).isEqualTo(expected.skills());
                assertThat(step.reachable()).as(what).isEqualTo(expected.reached().size());
                assertThat(step.examples()).as(what).isEqualTo(expected.examples());
                withSkills += step.skills().isEmpty() ? 0 : 1;
            }
            assertThat(withSkills).as("steps that need skills").isGreaterThan(3);
            assertThat(none).as("occupations out of reach within three skills").isPositive();
        }
    }

    record Expected(List<String> skills, Map<String, Double> reached, List<String> examples) {
    }

    private static Expected enumerate(Scorer scorer, Profile p, List<Vacancy> vacancies, String occupation,
                                      double minScore, ScoringWeights w, double floor) {
        PreparedProfile pp = scorer.prepare(p);
        MatchRequest r = MatchRequest.builder().build();
        List<PreparedVacancy> targets = new ArrayList<>();
        for (Vacancy v : vacancies) {
            PreparedVacancy pv = scorer.prepare(v);
            if (occupation.equals(v.occupation()) && EngineVersusBruteForceTest.admits(pp, pv, r, false)) {
                targets.add(pv);
            }
        }
        Set<String> claimed = p.skills().stream().map(SkillClaim::id).collect(Collectors.toSet());
        TreeSet<String> asked = new TreeSet<>();
        for (PreparedVacancy v : targets) {
            for (int i = 0; i < v.requiredCount(); i++) {
                String id = scorer.taxonomy().conceptId(v.requiredConcept(i));
                if (!claimed.contains(id)) {
                    asked.add(id);
                }
            }
        }
        List<String> skills = new ArrayList<>(asked);
        Map<String, Double> now = reached(scorer, p, List.of(), targets, minScore, w, floor);
        if (!now.isEmpty()) {
            return expected(List.of(), now);
        }
        for (int size = 1; size <= 3; size++) {
            List<String> best = null;
            Map<String, Double> bestReached = Map.of();
            for (List<String> set : subsets(skills, size)) {
                Map<String, Double> reached = reached(scorer, p, set, targets, minScore, w, floor);
                if (reached.size() > bestReached.size()) {
                    best = set;
                    bestReached = reached;
                }
            }
            if (best != null) {
                return expected(best, bestReached);
            }
        }
        return null;
    }

    private static Expected expected(List<String> skills, Map<String, Double> reached) {
        List<String> examples = reached.keySet().stream().sorted(Comparator.comparingDouble((String id) -> reached.get(id))
                .reversed().thenComparing(Comparator.naturalOrder())).limit(3).toList();
        return new Expected(skills, reached, examples);
    }

    /** Every subset of the given size, in lexicographic order of positions (the list is sorted by id). */
    private static List<List<String>> subsets(List<String> items, int size) {
        List<List<String>> out = new ArrayList<>();
        collect(items, size, 0, new ArrayList<>(), out);
        return out;
    }

    private static void collect(List<String> items, int size, int from, List<String> current, List<List<String>> out) {
        if (current.size() == size) {
            out.add(List.copyOf(current));
            return;
        }
        for (int i = from; i < items.size(); i++) {
            current.add(items.get(i));
            collect(items, size, i + 1, current, out);
            current.remove(current.size() - 1);
        }
    }

    private static Map<String, Double> reached(Scorer scorer, Profile p, List<String> learned, List<PreparedVacancy> targets,
                                               double minScore, ScoringWeights w, double floor) {
        List<SkillClaim> claims = new ArrayList<>(p.skills());
        learned.forEach(id -> claims.add(new SkillClaim(id, Evidence.CERTIFIED)));
        PreparedProfile q = scorer.prepare(p.toBuilder().skills(claims).build());
        MatchRequest r = MatchRequest.builder().build();
        Map<String, Double> out = new HashMap<>();
        for (PreparedVacancy v : targets) {
            if (EngineVersusBruteForceTest.admits(q, v, r, false) && EngineVersusBruteForceTest.skills(q, v) >= floor) {
                double s = Scorer.score(q, v, w);
                if (s >= minScore) {
                    out.put(v.id(), s);
                }
            }
        }
        return out;
    }

    /**
     * A welder in Utrecht wants to become a sheet metal worker. Welding is grinding's sibling, which earns some
     * credit (score 0.55), short of 0.7; grinding itself, which the job asks for, makes it 0.9: it is the step.
     */
    @Test
    void aWelderLearnsGrindingToReachSheetMetalWork() {
        try (Matcher m = TinyWorld.matcher()) {
            m.upsertVacancy(Vacancy.builder("v-plaatwerk").title("Plaatwerker").occupation("o-plaatwerker")
                    .location(Location.municipality("GM0344")).skill("s-slijpen", Importance.ESSENTIAL).build());
            m.upsertProfile(Profile.builder("p-welder").location(Location.municipality("GM0344"))
                    .skill("s-lassen", Evidence.CERTIFIED).build());
            m.refresh();
            Advice advice = m.adviseProfile("p-welder", AdviceRequest.DEFAULT.withMinScore(0.7)
                    .withOccupation("o-plaatwerker"));
            CareerStep step = advice.careerStep();
            assertThat(step).isNotNull();
            assertThat(step.label()).isEqualTo("Plaatwerker");
            assertThat(step.skills()).extracting(CareerStep.Skill::id).containsExactly("s-slijpen");
            assertThat(step.reachable()).isEqualTo(1);
            assertThat(step.examples()).containsExactly("v-plaatwerk");
            assertThat(m.adviseProfile("p-welder", AdviceRequest.DEFAULT).careerStep()).isNull();
            assertThatThrownBy(() -> m.adviseProfile("p-welder", AdviceRequest.DEFAULT.withOccupation("o-astronaut")))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("occupation")
                    .hasMessageContaining("o-astronaut");
            assertThatThrownBy(() -> m.adviseVacancy("v-plaatwerk", AdviceRequest.DEFAULT.withOccupation("o-lasser")))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("occupation");
        }
    }
}
