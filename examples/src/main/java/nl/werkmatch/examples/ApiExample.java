package nl.werkmatch.examples;

import java.time.LocalDate;

import nl.werkmatch.matcher.Match;
import nl.werkmatch.matcher.MatchPage;
import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.model.Cefr;
import nl.werkmatch.matcher.model.DutchLevels;
import nl.werkmatch.matcher.model.EducationLevel;
import nl.werkmatch.matcher.model.Evidence;
import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.model.Location;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;

/**
 * The Java API of the README, runnable: a candidate in Almere with A2 speaking and forklift experience, an
 * order-picking job in Lelystad with a job coach, and the match explained.
 */
public final class ApiExample {
    private ApiExample() {
    }

    public static void main(String[] args) {
        System.out.println(run());
    }

    static String run() {
        try (Matcher matcher = Matcher.inMemory()) {
            matcher.upsertProfile(Profile.builder("p-1")
                    .location(Location.municipality("GM0034"))                      // Almere
                    .skill("s-heftruck-rijden", Evidence.DECLARED)
                    .experience("o-orderpicker", 2)
                    .dutch(new DutchLevels(Cefr.A2, Cefr.A1, Cefr.A2, Cefr.A1))
                    .education(EducationLevel.MBO1, true)              // a recognised diploma
                    .maxTravelKm(40)
                    .build());
            matcher.upsertVacancy(Vacancy.builder("v-1")
                    .title("Orderpicker").employer("Distributiecentrum Lelystad")
                    .occupation("o-orderpicker")
                    .location(Location.postcode("8243"))                            // Lelystad
                    .skill("s-heftruck-rijden", Importance.ESSENTIAL)
                    .dutch(DutchLevels.uniform(Cefr.A2)).languageSupport(true)
                    .educationLevel(EducationLevel.MBO1)
                    .openUntil(LocalDate.now().plusMonths(2))
                    .build());
            matcher.refresh();
            MatchPage best = matcher.candidatesFor("v-1", MatchRequest.builder().k(10).withinKm(30.0).explain(true).build());
            StringBuilder out = new StringBuilder();
            for (Match m : best.matches()) {
                out.append(m.id()).append(' ').append(String.format(java.util.Locale.ROOT, "%.3f", m.score())).append('\n')
                        .append(m.explanation().toText()).append('\n');
            }
            return out.toString();
        }
    }
}
