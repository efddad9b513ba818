package nl.werkmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.werkmatch.matcher.index.EligibleCandidates;
import nl.werkmatch.matcher.internal.PreparedProfile;
import nl.werkmatch.matcher.internal.PreparedVacancy;
import nl.werkmatch.matcher.internal.Scorer;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;

/**
 * The audit's count of who is eligible for each vacancy, against a brute-force scan with the independent filters of
 * {@link EngineVersusBruteForceTest}: per vacancy the number and per profile the sum, with a decoded-profile cache of
 * one entry, of a few (so that documents evict each other) and of everyone, with and without a minimum score, with
 * the matcher's skill floor, none, a high one and one exactly at a pair's skills value (the borderline the index
 * cannot decide); and its lists, ranked among the eligible, against the engine's own pages.
 */
class EligibleCandidatesTest {

    @ParameterizedTest
    @ValueSource(longs = {31, 32, 33, 34, 35, 36, 37, 38})
    void countsEqualABruteForceScanWhateverTheCache(long seed) {
        RandomWorld world = new RandomWorld(seed);
        Random rnd = new Random(seed);
        try (Matcher matcher = Matcher.builder().taxonomy(world.taxonomy).clock(TinyWorld.CLOCK).build()) {
            List<Profile> profiles = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                profiles.add(world.profile(i));
            }
            List<Vacancy> vacancies = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                vacancies.add(world.vacancy(i));
            }
            assertThat(matcher.upsertProfiles(profiles).rejected()).isEmpty();
            assertThat(matcher.upsertVacancies(vacancies).rejected()).isEmpty();
            matcher.refresh();

            LocalDate day = RandomWorld.TODAY.plusDays(rnd.nextInt(11) - 5);
            double minScore = seed % 2 == 1 ? 0 : 0.2 + rnd.nextDouble() * 0.25;
            Scorer scorer = RandomWorld.referenceScorer(matcher);
            MatchRequest plain = MatchRequest.builder().openOn(day).build();
            List<PreparedProfile> pps = profiles.stream().map(scorer::prepare).toList();
            double floor = switch ((int) (seed % 8) / 2) {
                case 0 -> matcher.minSkillFit();
                case 1 -> 0.0;
                case 2 -> 0.3;
                default -> {
                    // exactly some pair's skills value: documents at the floor itself must count
                    double at = 0;
                    for (int i = 0; at <= 0.02 || at >= 0.6; i++) {
                        at = EngineVersusBruteForceTest.skills(pps.get(i % pps.size()),
                                scorer.prepare(vacancies.get(i % vacancies.size())));
                    }
                    yield at;
                }
            };
            Map<String, Integer> expectedPerProfile = new HashMap<>();
            Map<String, Integer> expectedPerVacancy = new HashMap<>();
            for (Vacancy v : vacancies) {
                PreparedVacancy pv = scorer.prepare(v);
                int n = 0;
                for (PreparedProfile pp : pps) {
                    if (EngineVersusBruteForceTest.admits(pp, pv, plain, true) && EngineVersusBruteForceTest.skills(pp, pv) >= floor
                            && Scorer.score(pp, pv, matcher.weights()) >= minScore) {
                        n++;
                        expectedPerProfile.merge(pp.id(), 1, Integer::sum);
                    }
                }
                expectedPerVacancy.put(v.id(), n);
            }
            assertThat(expectedPerVacancy.values()).as("some vacancies have eligible candidates").anyMatch(n -> n > 0);

            int k = 1 + rnd.nextInt(12);
            MatchRequest request = MatchRequest.builder().k(k).minScore(minScore).minSkillFit(floor).openOn(day).build();
            for (int cached : new int[] {1, 7, 1 << 17}) {
                try (EligibleCandidates snapshot = matcher.engineSearch().eligibleCandidates(request, cached)) {
                    int[] perDocument = new int[snapshot.documents()];
                    for (Vacancy v : vacancies) {
                        List<String> listed = new ArrayList<>();
                        EligibleCandidates.Outcome outcome = snapshot.countAndRank(v.id(), doc -> perDocument[doc]++, listed::add);
                        assertThat(outcome.eligible()).as("eligible for " + v.id() + " with " + cached + " cached")
                                .isEqualTo(expectedPerVacancy.get(v.id()));
                        assertThat(listed).as("the list of " + v.id() + " is the engine's page")
                                .isEqualTo(matcher.candidatesFor(v.id(), request).matches().stream().map(Match::id).toList());
                        assertThat(outcome.listed()).isEqualTo(listed.size());
                    }
                    assertThat(snapshot.countAndRank("v-no-such-vacancy", doc -> { }, id -> { }).gone()).isTrue();
                    int[] alone = new int[snapshot.documents()];
                    for (Vacancy v : vacancies.subList(0, 10)) {
                        assertThat(snapshot.addEligible(v.id(), doc -> alone[doc]++))
                                .as("counting alone for " + v.id()).isEqualTo(expectedPerVacancy.get(v.id()));
                    }
                    Map<String, Integer> perProfile = new HashMap<>();
                    snapshot.forEachProfile((id, doc) -> {
                        assertThat(perProfile.put(id, perDocument[doc])).as("one document per profile").isNull();
                    });
                    assertThat(perProfile).hasSize(profiles.size());
                    for (Profile p : profiles) {
                        assertThat(perProfile.get(p.id())).as(p.id() + " with " + cached + " cached")
                                .isEqualTo(expectedPerProfile.getOrDefault(p.id(), 0));
                    }
                }
            }
        }
    }
}
