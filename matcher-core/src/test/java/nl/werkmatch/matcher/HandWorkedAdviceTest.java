package nl.werkmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.advice.Advice;
import nl.werkmatch.matcher.advice.AdviceRequest;
import nl.werkmatch.matcher.advice.Suggestion;
import nl.werkmatch.matcher.advice.SuggestionKind;
import nl.werkmatch.matcher.model.Cefr;
import nl.werkmatch.matcher.model.DutchLevels;
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
