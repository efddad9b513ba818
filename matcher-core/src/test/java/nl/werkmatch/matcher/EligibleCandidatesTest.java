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
 * one entry, of a few (so that documents evict each other) and of everyone, with and without a minimum score.
 */
class EligibleCandidatesTest {

    @ParameterizedTest
    @ValueSource(longs = {31, 32, 33})
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
            double minScore = seed == 31 ? 0 : 0.2 + rnd.nextDouble() * 0.25;
            Scorer scorer = RandomWorld.referenceScorer(matcher);
            MatchRequest plain = MatchRequest.builder().openOn(day).build();
            double floor = matcher.minSkillFit();
            Map<String, Integer> expectedPerProfile = new HashMap<>();
            Map<String, Integer> expectedPerVacancy = new HashMap<>();
            List<PreparedProfile> pps = profiles.stream().map(scorer::prepare).toList();
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

            MatchRequest request = MatchRequest.builder().minScore(minScore).openOn(day).build();
            for (int cached : new int[] {1, 7, 1 << 17}) {
                try (EligibleCandidates snapshot = matcher.engineSearch().eligibleCandidates(request, cached)) {
                    int[] perDocument = new int[snapshot.documents()];
                    for (Vacancy v : vacancies) {
                        int n = snapshot.addEligible(v.id(), doc -> perDocument[doc]++);
                        assertThat(n).as("eligible for " + v.id() + " with " + cached + " cached").isEqualTo(expectedPerVacancy.get(v.id()));
                    }
                    assertThat(snapshot.addEligible("v-no-such-vacancy", doc -> { })).isEqualTo(-1);
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
