package nl.werkmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.model.Location;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;

/** A walk over every stored record sees what the last refresh made visible: no more, no less. */
class ForEachRecordTest {

    @Test
    void walksEveryVisibleRecordOnceAndNothingDeletedOrUnrefreshed() {
        try (Matcher m = Matcher.builder().taxonomy(TinyWorld.taxonomy()).build()) {
            for (int i = 0; i < 30; i++) {
                m.upsertProfile(ImportUntilKilled.profile(i));
            }
            m.upsertVacancy(Vacancy.builder("v-1").location(Location.municipality("GM0363"))
                    .skill("s-lassen", Importance.ESSENTIAL).build());
            m.deleteProfile("p-3");
            m.refresh();
            m.upsertProfile(ImportUntilKilled.profile(99));   // not refreshed: not seen

            List<Profile> profiles = new ArrayList<>();
            m.forEachProfile(profiles::add);
            List<Vacancy> vacancies = new ArrayList<>();
            m.forEachVacancy(vacancies::add);

            assertThat(profiles).hasSize(29).doesNotHaveDuplicates();
            assertThat(profiles).extracting(Profile::id).doesNotContain("p-3", "p-99");
            assertThat(profiles).contains(ImportUntilKilled.profile(7));
            assertThat(vacancies).extracting(Vacancy::id).containsExactly("v-1");
        }
    }
}
