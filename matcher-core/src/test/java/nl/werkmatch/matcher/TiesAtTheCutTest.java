package nl.werkmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.model.Evidence;
import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.model.Location;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;

/**
 * Hundreds of candidates with exactly the same score straddle the cut of every page (the same postcode, skills
 * and evidence, as in a city's dense neighbourhoods): the first window cannot prove any page, so the engine looks
 * up every candidate that could tie, and each page is the tied candidates in id order, as a full scan gives.
 */
class TiesAtTheCutTest {
    @Test
    void pagesThroughABlockOfTiesInIdOrderInBothDirections() {
        try (Matcher matcher = Matcher.inMemory()) {
            Location almere = Location.postcode("1315");
            List<Profile> profiles = new ArrayList<>();
            // ids in an order that is neither insertion nor index order
            for (int i : IntStream.range(0, 400).map(i -> (i * 37) % 400).toArray()) {
                profiles.add(Profile.builder("p-tied-" + i).location(almere)
                        .skill("s-heftruck-rijden", Evidence.DECLARED).build());
            }
            for (int i = 0; i < 6; i++) {
                profiles.add(Profile.builder("p-better-" + i).location(almere)
                        .skill("s-heftruck-rijden", Evidence.CERTIFIED).build());
            }
            assertThat(matcher.upsertProfiles(profiles).rejected()).isEmpty();
            List<Vacancy> vacancies = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                vacancies.add(Vacancy.builder("v-tied-" + i).title("Heftruckchauffeur").location(almere)
                        .skill("s-heftruck-rijden", Importance.ESSENTIAL).build());
            }
            assertThat(matcher.upsertVacancies(vacancies).rejected()).isEmpty();
            matcher.refresh();

            List<String> tiedIds = profiles.stream().map(Profile::id).filter(id -> id.startsWith("p-tied-"))
                    .sorted().toList();
            for (int k : new int[] {1, 10, 100}) {
                for (int offset : new int[] {0, 3, 150}) {
                    MatchPage page = matcher.candidatesFor("v-tied-0",
                            MatchRequest.builder().k(k).offset(offset).build());
                    List<String> expected = new ArrayList<>();
                    IntStream.range(0, 6).forEach(i -> expected.add("p-better-" + i));
                    expected.addAll(tiedIds);
                    assertThat(page.matches()).extracting(Match::id)
                            .as("k %d, offset %d", k, offset)
                            .containsExactlyElementsOf(expected.subList(offset, offset + k));
                }
            }
            List<String> vacancyIds = vacancies.stream().map(Vacancy::id).sorted(Comparator.naturalOrder()).toList();
            MatchPage jobs = matcher.vacanciesFor("p-tied-7", MatchRequest.builder().k(50).offset(20).build());
            assertThat(jobs.matches()).extracting(Match::id).containsExactlyElementsOf(vacancyIds.subList(20, 70));
        }
    }
}
