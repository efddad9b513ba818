package nl.werkmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.model.Cefr;
import nl.werkmatch.matcher.model.DutchLevels;
import nl.werkmatch.matcher.model.Evidence;
import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.model.Location;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.scoring.Explanation;

/**
 * A vacancy that names an occupation but lists no skills asks for the occupation's skills at their relevance, says
 * so in its explanation, and ranks exactly like the same vacancy listing those skills; one that names neither is
 * refused with a message that says what is missing.
 */
class DerivedRequirementsTest {
    private static final String UTRECHT = "GM0344";

    private static Vacancy.Builder weldingJob(String id) {
        return Vacancy.builder(id).title("Lasser").occupation("o-lasser").location(Location.municipality(UTRECHT))
                .dutch(DutchLevels.uniform(Cefr.A2));
    }

    private static Profile candidate(String id, String skill) {
        return Profile.builder(id).location(Location.municipality(UTRECHT)).dutch(DutchLevels.uniform(Cefr.A2))
                .skill(skill, Evidence.DECLARED).build();
    }

    @Test
    void aVacancyWithOnlyAnOccupationAsksForTheOccupationsSkillsAndSaysSo() {
        try (Matcher m = TinyWorld.matcher()) {
            Vacancy derived = weldingJob("v-derived").build();
            Vacancy listed = weldingJob("v-listed").skill("s-lassen", Importance.ESSENTIAL)
                    .skill("k-vca", Importance.IMPORTANT).skill("s-slijpen", Importance.OPTIONAL).build();
            assertThat(m.validate(derived)).isEmpty();
            m.upsertVacancy(derived);
            m.upsertVacancy(listed);
            m.upsertProfiles(List.of(candidate("p-welder", "s-mig"), candidate("p-grinder", "s-slijpen"),
                    candidate("p-safety", "k-vca"), candidate("p-picker", "s-orderpicken")));
            m.refresh();

            Explanation e = m.explain("p-welder", "v-derived");
            assertThat(e.skillsFromOccupation()).isEqualTo("o-lasser");
            assertThat(e.skills()).extracting(Explanation.SkillMatch::requiredId, Explanation.SkillMatch::importance)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("s-lassen", Importance.ESSENTIAL),
                            org.assertj.core.groups.Tuple.tuple("k-vca", Importance.IMPORTANT),
                            org.assertj.core.groups.Tuple.tuple("s-slijpen", Importance.OPTIONAL));
            assertThat(e.toText()).contains("the vacancy lists no skills; these are the skills of its occupation o-lasser");
            assertThat(m.explain("p-welder", "v-listed").skillsFromOccupation()).isNull();

            for (String p : List.of("p-welder", "p-grinder", "p-safety", "p-picker")) {
                assertThat(m.explain(p, "v-derived").score()).as(p)
                        .isCloseTo(m.explain(p, "v-listed").score(), within(1e-12));
            }
            MatchRequest all = MatchRequest.builder().k(10).build();
            assertThat(m.candidatesFor("v-derived", all).matches()).extracting(Match::id, Match::score)
                    .containsExactlyElementsOf(m.candidatesFor("v-listed", all).matches().stream()
                            .map(x -> org.assertj.core.groups.Tuple.tuple(x.id(), x.score())).toList());
            // the welder's narrower MIG skill covers the essential welding skill: 0.9 x 0.8 of 3 shares in 6
            assertThat(e.skills().get(0).credit()).isGreaterThan(0.7);
        }
    }

    @Test
    void aVacancyWithNeitherSkillsNorAnOccupationIsRefused() {
        try (Matcher m = TinyWorld.matcher()) {
            Vacancy neither = Vacancy.builder("v-empty").title("Hulp").location(Location.municipality(UTRECHT)).build();
            assertThat(m.validate(neither)).extracting(Problem::path, Problem::message)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("skills",
                            "a vacancy must ask for at least one skill or name an occupation"));
            assertThatThrownBy(() -> m.upsertVacancy(neither)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("a vacancy must ask for at least one skill or name an occupation");
            assertThatThrownBy(() -> m.candidatesFor(neither, MatchRequest.DEFAULT))
                    .isInstanceOf(InvalidInputException.class);
            assertThat(m.vacancyCount()).isZero();
        }
    }
}
