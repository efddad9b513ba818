package nl.werkmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.werkmatch.matcher.model.Audit;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;

/**
 * The audit fields stay out of scoring: after every profile's gender, birth year or country of origin is changed
 * (or removed), every score and every plain page, in both directions, is what it was, bit for bit.
 */
class AuditFieldsOutOfScoringTest {

    @ParameterizedTest
    @ValueSource(longs = {41, 42})
    void changingAnAuditFieldChangesNoScoreAndNoRanking(long seed) {
        RandomWorld world = new RandomWorld(seed);
        Random rnd = new Random(seed);
        try (Matcher matcher = Matcher.builder().taxonomy(world.taxonomy).clock(TinyWorld.CLOCK).build()) {
            List<Profile> profiles = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                profiles.add(world.profile(i).toBuilder().audit(AuditVersusListsTest.randomAudit(rnd)).build());
            }
            List<Vacancy> vacancies = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                vacancies.add(world.vacancy(i));
            }
            matcher.upsertProfiles(profiles);
            matcher.upsertVacancies(vacancies);
            matcher.refresh();
            List<MatchRequest> requests = new ArrayList<>();
            List<String> vacancyIds = new ArrayList<>();
            List<String> profileIds = new ArrayList<>();
            for (int q = 0; q < 30; q++) {
                requests.add(world.request());
                vacancyIds.add(world.pick(vacancies).id());
                profileIds.add(world.pick(profiles).id());
            }
            List<MatchPage> before = pages(matcher, requests, vacancyIds, profileIds);
            assertThat(before).anyMatch(p -> !p.matches().isEmpty());

            List<BiFunction<Audit, Random, Audit>> changes = List.of(
                    (a, r) -> new Audit(a.gender() == null || a.gender().equals("M") ? "F" : "M", a.birthYear(), a.countryOfOrigin()),
                    (a, r) -> new Audit(a.gender(), a.birthYear() == null ? 1960 + r.nextInt(40) : a.birthYear() + 1 + r.nextInt(20) - 10 * r.nextInt(2), a.countryOfOrigin()),
                    (a, r) -> new Audit(a.gender(), a.birthYear(), "SY".equals(a.countryOfOrigin()) ? "ER" : "SY"),
                    (a, r) -> Audit.EMPTY);
            for (BiFunction<Audit, Random, Audit> change : changes) {
                List<Profile> changed = new ArrayList<>();
                for (Profile p : profiles) {
                    Profile q = p.toBuilder().audit(change.apply(p.audit(), rnd)).build();
                    changed.add(q);
                    for (Vacancy v : vacancies.subList(0, 5)) {
                        assertThat(matcher.scorer().score(q, v, matcher.weights()))
                                .isEqualTo(matcher.scorer().score(p, v, matcher.weights()));
                    }
                }
                assertThat(matcher.upsertProfiles(changed).rejected()).isEmpty();
                matcher.refresh();
                List<MatchPage> after = pages(matcher, requests, vacancyIds, profileIds);
                for (int i = 0; i < before.size(); i++) {
                    assertThat(after.get(i).matches()).as("page %d", i).hasSameSizeAs(before.get(i).matches());
                    for (int j = 0; j < before.get(i).matches().size(); j++) {
                        Match b = before.get(i).matches().get(j);
                        Match a = after.get(i).matches().get(j);
                        assertThat(a.id()).isEqualTo(b.id());
                        assertThat(a.score()).isEqualTo(b.score());
                        assertThat(a.contributions()).isEqualTo(b.contributions());
                        assertThat(a.explanation()).isEqualTo(b.explanation());
                    }
                }
            }
        }
    }

    private static List<MatchPage> pages(Matcher matcher, List<MatchRequest> requests, List<String> vacancies,
                                         List<String> profiles) {
        List<MatchPage> out = new ArrayList<>();
        for (int q = 0; q < requests.size(); q++) {
            out.add(matcher.candidatesFor(vacancies.get(q), requests.get(q)));
            out.add(matcher.vacanciesFor(profiles.get(q), requests.get(q)));
        }
        return out;
    }
}
