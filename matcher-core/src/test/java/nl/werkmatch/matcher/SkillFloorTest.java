package nl.werkmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.model.Cefr;
import nl.werkmatch.matcher.model.DutchLevels;
import nl.werkmatch.matcher.model.EducationLevel;
import nl.werkmatch.matcher.model.Evidence;
import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.model.Location;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.scoring.Component;

/** The skill floor on hand-made pairs: the boundary, both directions, the matcher's default and skill-less vacancies. */
class SkillFloorTest {
    private static final String UTRECHT = "GM0344";

    /** A candidate in Utrecht with A2 Dutch, whose language, place and level fit every job below perfectly. */
    private static Profile.Builder candidate(String id) {
        return Profile.builder(id).location(Location.municipality(UTRECHT))
                .dutch(DutchLevels.uniform(Cefr.A2)).education(EducationLevel.MBO2, true);
    }

    private static Vacancy.Builder job(String id) {
        return Vacancy.builder(id).title("Lasser").occupation("o-lasser").location(Location.municipality(UTRECHT))
                .dutch(DutchLevels.uniform(Cefr.A2)).educationLevel(EducationLevel.MBO2);
    }

    private static List<String> ids(MatchPage page) {
        return page.matches().stream().map(Match::id).toList();
    }

    @Test
    void aCandidateWithoutSkillEvidenceIsNoMatchByDefaultHoweverWellTheRestFits() {
        try (Matcher m = TinyWorld.matcher()) {
            m.upsertProfile(candidate("p-welds").skill("s-lassen", Evidence.DECLARED).build());
            m.upsertProfile(candidate("p-picks-orders").skill("s-orderpicken", Evidence.CERTIFIED).build());
            m.upsertVacancy(job("v-1").skill("s-lassen", Importance.ESSENTIAL).build());
            m.refresh();
            // language, distance, level fit fully: 0.40 without a single skill
            assertThat(m.explain("p-picks-orders", "v-1").score()).isCloseTo(0.4, within(1e-12));
            assertThat(m.minSkillFit()).isEqualTo(MatchRequest.DEFAULT_MIN_SKILL_FIT);
            assertThat(ids(m.candidatesFor("v-1", MatchRequest.DEFAULT))).containsExactly("p-welds");
            assertThat(ids(m.vacanciesFor("p-picks-orders", MatchRequest.DEFAULT))).isEmpty();
            assertThat(ids(m.vacanciesFor("p-welds", MatchRequest.DEFAULT))).containsExactly("v-1");
            // a request may turn the floor off
            MatchRequest off = MatchRequest.builder().minSkillFit(0.0).build();
            assertThat(ids(m.candidatesFor("v-1", off))).containsExactly("p-welds", "p-picks-orders");
            assertThat(ids(m.vacanciesFor("p-picks-orders", off))).containsExactly("v-1");
        }
    }

    @Test
    void theFloorAdmitsASkillsComponentEqualToItAndExcludesOneJustBelow() {
        try (Matcher m = TinyWorld.matcher()) {
            // essential s-lassen (share 3/6) covered by a declared claim, optional s-slijpen (1/6) and important
            // k-vca (2/6) not covered
            m.upsertProfile(candidate("p-1").skill("s-lassen", Evidence.DECLARED).build());
            m.upsertVacancy(job("v-1").skill("s-lassen", Importance.ESSENTIAL).skill("k-vca", Importance.IMPORTANT)
                    .skill("s-slijpen", Importance.OPTIONAL).build());
            m.refresh();
            double skills = m.explain("p-1", "v-1").components().stream()
                    .filter(c -> c.component() == Component.SKILLS).findFirst().orElseThrow().value();
            assertThat(skills).isBetween(0.3, 0.5);
            MatchRequest at = MatchRequest.builder().minSkillFit(skills).build();
            MatchRequest above = MatchRequest.builder().minSkillFit(Math.nextUp(skills)).build();
            assertThat(ids(m.candidatesFor("v-1", at))).containsExactly("p-1");
            assertThat(ids(m.vacanciesFor("p-1", at))).containsExactly("v-1");
            assertThat(ids(m.candidatesFor("v-1", above))).isEmpty();
            assertThat(ids(m.vacanciesFor("p-1", above))).isEmpty();
        }
    }

    @Test
    void theMatchersOwnFloorAppliesToRequestsWithoutOne() {
        try (Matcher m = Matcher.builder().taxonomy(TinyWorld.taxonomy()).clock(TinyWorld.CLOCK).minSkillFit(0.9).build()) {
            m.upsertProfile(candidate("p-1").skill("s-lassen", Evidence.DECLARED).build());
            m.upsertVacancy(job("v-1").skill("s-lassen", Importance.ESSENTIAL).build());
            m.refresh();
            // the declared claim earns 0.8 (0.798 at index precision) of the one requirement: below 0.9
            assertThat(ids(m.candidatesFor("v-1", MatchRequest.DEFAULT))).isEmpty();
            assertThat(ids(m.candidatesFor("v-1", MatchRequest.builder().minSkillFit(0.75).build()))).containsExactly("p-1");
        }
    }

    @Test
    void aVacancyListingNoSkillsIsMatchedOnItsOccupationsSkills() {
        try (Matcher m = TinyWorld.matcher()) {
            m.upsertProfile(candidate("p-welds").skill("s-lassen", Evidence.CERTIFIED).build());
            m.upsertProfile(candidate("p-picks-orders").skill("s-orderpicken", Evidence.CERTIFIED).build());
            m.upsertVacancy(job("v-1").build());   // o-lasser: s-lassen essential, k-vca important, s-slijpen optional
            m.refresh();
            MatchPage page = m.candidatesFor("v-1", MatchRequest.builder().explain(true).build());
            assertThat(ids(page)).containsExactly("p-welds");
            assertThat(page.matches().get(0).explanation().skills()).extracting(s -> s.requiredId())
                    .containsExactly("s-lassen", "k-vca", "s-slijpen");
            assertThat(ids(m.vacanciesFor("p-picks-orders", MatchRequest.DEFAULT))).isEmpty();
        }
    }

    @Test
    void aFloorOutsideZeroToOneIsRefusedNamingTheField() {
        assertThatThrownBy(() -> MatchRequest.builder().minSkillFit(1.5).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("minSkillFit");
        assertThatThrownBy(() -> MatchRequest.builder().minSkillFit(Double.NaN).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("minSkillFit");
        assertThatThrownBy(() -> Matcher.builder().minSkillFit(-0.1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("minSkillFit");
    }
}
