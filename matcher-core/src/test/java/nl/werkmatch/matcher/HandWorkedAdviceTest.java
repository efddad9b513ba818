package nl.werkmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.advice.Advice;
import nl.werkmatch.matcher.advice.AdviceRequest;
import nl.werkmatch.matcher.advice.Suggestion;
import nl.werkmatch.matcher.advice.SuggestionKind;
import nl.werkmatch.matcher.model.Cefr;
import nl.werkmatch.matcher.model.DutchLevels;
import nl.werkmatch.matcher.model.EducationLevel;
import nl.werkmatch.matcher.model.Evidence;
import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.model.Location;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;

/** Advice cases worked out by hand on the tiny taxonomy. */
class HandWorkedAdviceTest {
    private static final String UTRECHT = "GM0344";

    private static Vacancy.Builder orderPicking(String id, boolean languageSupport) {
        // C1 speaking; with language support the requirement is one level lower, B2
        return Vacancy.builder(id).title("Orderpicker").location(Location.municipality(UTRECHT))
                .skill("s-orderpicken", Importance.ESSENTIAL)
                .dutch(new DutchLevels(Cefr.A2, Cefr.A2, Cefr.C1, Cefr.A2)).languageSupport(languageSupport);
    }

    /**
     * A candidate with A1 speaking (A2 otherwise): every vacancy asks C1 speaking, a gap of 4 without support and 3
     * with it, both beyond the allowed gap of 2. A2 speaking closes the gap to 2 where there is language support
     * (B2 effective) and to 3 elsewhere: it opens exactly the two vacancies with support.
     */
    @Test
    void aSpeakingStepOpensTheVacanciesWithLanguageSupport() {
        try (Matcher m = TinyWorld.matcher()) {
            m.upsertVacancies(List.of(orderPicking("v-support-1", true).build(), orderPicking("v-support-2", true).build(),
                    orderPicking("v-no-support", false).build()));
            Profile candidate = Profile.builder("p-a1-speaking").location(Location.municipality(UTRECHT))
                    .dutch(new DutchLevels(Cefr.A2, Cefr.A2, Cefr.A1, Cefr.A2))
                    .skill("s-orderpicken", Evidence.CERTIFIED).build();
            m.upsertProfile(candidate);
            m.refresh();

            Advice advice = m.adviseProfile("p-a1-speaking", AdviceRequest.DEFAULT.withMinScore(0.3));
            assertThat(advice.reachable()).isZero();
            Suggestion first = advice.suggestions().get(0);
            assertThat(first.kind()).isEqualTo(SuggestionKind.DUTCH_LEVEL);
            assertThat(first.summary()).isEqualTo("Reach A2 in Dutch speaking (now A1)");
            assertThat(first.unlocks()).isEqualTo(2);
            assertThat(first.reachable()).isEqualTo(2);
            assertThat(first.loses()).isZero();
            assertThat(first.examples()).containsExactlyInAnyOrder("v-support-1", "v-support-2");
            assertThat(first.patch().toString())
                    .isEqualTo("[{\"op\":\"replace\",\"path\":\"/dutch/speaking\",\"value\":\"A2\"}]");
            // the same answer for the record posted instead of stored
            assertThat(m.adviseProfile(candidate, AdviceRequest.DEFAULT.withMinScore(0.3))).isEqualTo(advice);
        }
    }

    /**
     * A vacancy in Utrecht asks B1 speaking (nothing else in Dutch). Three candidates in Utrecht with no Dutch
     * speaking have a gap of 3, beyond the allowed 2: nobody within 25 km is reachable. Asking A2 closes the gap to
     * 2 for all three; language support does the same (B1 counts as A2), and ties, listed after it by kind. The
     * candidate in Groningen, who travels at most 25 km, stays out whatever the Dutch.
     */
    @Test
    void aB1SpeakingRequirementShutsOutEveryoneNearby() {
        try (Matcher m = TinyWorld.matcher()) {
            Vacancy v = Vacancy.builder("v-b1-speaking").title("Orderpicker").location(Location.municipality(UTRECHT))
                    .skill("s-orderpicken", Importance.ESSENTIAL)
                    .dutch(new DutchLevels(Cefr.NONE, Cefr.NONE, Cefr.B1, Cefr.NONE)).build();
            m.upsertVacancy(v);
            for (int i = 1; i <= 3; i++) {
                m.upsertProfile(Profile.builder("p-utrecht-" + i).location(Location.municipality(UTRECHT)).maxTravelKm(25)
                        .skill("s-orderpicken", Evidence.CERTIFIED).build());
            }
            m.upsertProfile(Profile.builder("p-groningen").location(Location.municipality("GM0014")).maxTravelKm(25)
                    .skill("s-orderpicken", Evidence.CERTIFIED).build());
            m.refresh();

            Advice advice = m.adviseVacancy("v-b1-speaking", AdviceRequest.DEFAULT.withMinScore(0.3));
            assertThat(advice.reachable()).isZero();
            Suggestion first = advice.suggestions().get(0);
            assertThat(first.kind()).isEqualTo(SuggestionKind.LOWER_DUTCH);
            assertThat(first.summary()).isEqualTo("Ask A2 instead of B1 for Dutch speaking");
            assertThat(first.unlocks()).isEqualTo(3);
            assertThat(first.examples()).containsExactly("p-utrecht-1", "p-utrecht-2", "p-utrecht-3");
            assertThat(first.patch().toString())
                    .isEqualTo("[{\"op\":\"replace\",\"path\":\"/dutch/speaking\",\"value\":\"A2\"}]");
            Suggestion second = advice.suggestions().get(1);
            assertThat(second.kind()).isEqualTo(SuggestionKind.LANGUAGE_SUPPORT);
            assertThat(second.unlocks()).isEqualTo(3);
            assertThat(m.adviseVacancy(v, AdviceRequest.DEFAULT.withMinScore(0.3))).isEqualTo(advice);
        }
    }

    private static Vacancy.Builder orderPickingAt(String id, EducationLevel level) {
        return Vacancy.builder(id).title("Orderpicker").location(Location.municipality(UTRECHT))
                .skill("s-orderpicken", Importance.ESSENTIAL).dutch(DutchLevels.uniform(Cefr.A2)).educationLevel(level);
    }

    /**
     * A candidate in Utrecht with an unrecognised HBO diploma (counted as MBO4) who picks orders, A2 Dutch. Every
     * other component is the same for both vacancies (skills 1, language 1, distance 1, preference 0: 0.85); the
     * level fit decides. For the MBO2 job MBO4 is two steps above (0.75, score 0.8875); recognised, HBO is three
     * steps above (0.5, 0.875). For the HBO job MBO4 is one step below (0.5, 0.875); recognised, a fit (1, 0.9).
     * At a threshold of 0.88 recognition therefore loses the over-qualified MBO2 match and unlocks the HBO one.
     */
    @Test
    void aDiplomaRecognitionCostsAnOverQualifiedMatchAndOpensOneAtItsLevel() {
        try (Matcher m = TinyWorld.matcher()) {
            m.upsertVacancies(List.of(orderPickingAt("v-mbo2", EducationLevel.MBO2).build(),
                    orderPickingAt("v-hbo", EducationLevel.HBO).build()));
            Profile candidate = Profile.builder("p-hbo-unrecognised").location(Location.municipality(UTRECHT))
                    .dutch(DutchLevels.uniform(Cefr.A2)).skill("s-orderpicken", Evidence.CERTIFIED)
                    .education(EducationLevel.HBO, false).build();
            m.upsertProfile(candidate);
            m.refresh();
            assertThat(m.explain("p-hbo-unrecognised", "v-mbo2").score()).isCloseTo(0.8875, within(1e-9));
            assertThat(m.explain("p-hbo-unrecognised", "v-hbo").score()).isCloseTo(0.875, within(1e-9));

            Advice advice = m.adviseProfile("p-hbo-unrecognised", AdviceRequest.DEFAULT.withMinScore(0.88));
            assertThat(advice.reachable()).isEqualTo(1);
            Suggestion recognition = advice.suggestions().stream()
                    .filter(s -> s.kind() == SuggestionKind.DIPLOMA_RECOGNITION).findFirst().orElseThrow();
            assertThat(recognition.summary()).isEqualTo("Get the HBO diploma recognised");
            assertThat(recognition.reachable()).isEqualTo(1);
            assertThat(recognition.unlocks()).isEqualTo(1);
            assertThat(recognition.loses()).isEqualTo(1);
            assertThat(recognition.examples()).containsExactly("v-hbo");
            assertThat(recognition.patch().toString())
                    .isEqualTo("[{\"op\":\"replace\",\"path\":\"/education/recognized\",\"value\":true}]");

            // below the over-qualified match's recognised score, recognition only opens doors
            Advice lower = m.adviseProfile(candidate, AdviceRequest.DEFAULT.withMinScore(0.87));
            assertThat(lower.reachable()).isEqualTo(2);
            assertThat(lower.suggestions()).noneMatch(s -> s.kind() == SuggestionKind.DIPLOMA_RECOGNITION);
        }
    }

    @Test
    void badInputIsNamed() {
        try (Matcher m = TinyWorld.matcher()) {
            assertThatThrownBy(() -> m.adviseProfile("p-unknown", AdviceRequest.DEFAULT))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("p-unknown");
            assertThatThrownBy(() -> new AdviceRequest(1.5, 10, null)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("minScore");
            Profile p = Profile.builder("p-1").location(Location.municipality(UTRECHT)).build();
            assertThatThrownBy(() -> m.adviseProfile(p, new AdviceRequest(0.5, 10, "xx")))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("lang").hasMessageContaining("\"xx\"");
        }
    }
}
