package nl.werkmatch.examples;

import java.nio.file.Path;

import nl.werkmatch.matcher.DataDirectoryInfo;
import nl.werkmatch.matcher.MatchPage;
import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.json.ExchangeFormat;
import nl.werkmatch.matcher.model.Cefr;
import nl.werkmatch.matcher.model.DutchLevels;
import nl.werkmatch.matcher.model.Evidence;
import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.model.Location;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;

/**
 * Child process of {@link ModulePathTest}: writes a data directory through the exported API, reads the records back
 * as JSON, closes, reopens, ranks and inspects it.
 */
public final class ModuleRoundTrip {
    private ModuleRoundTrip() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        System.out.println("module " + Matcher.class.getModule().getName());
        try (Matcher m = Matcher.open(dir)) {
            ExchangeFormat json = m.exchangeFormat();
            // a forklift driver in Almere with A2 Dutch, another in Lelystad with B1
            m.upsertProfile(json.readProfile(json.writeProfile(Profile.builder("p-1")
                    .location(Location.municipality("GM0034")).skill("s-heftruck-rijden", Evidence.DECLARED)
                    .dutch(DutchLevels.uniform(Cefr.A2)).build())));
            m.upsertProfile(Profile.builder("p-2").location(Location.municipality("GM0995"))
                    .skill("s-heftruck-rijden", Evidence.CERTIFIED).dutch(DutchLevels.uniform(Cefr.B1)).build());
            m.upsertVacancy(Vacancy.builder("v-1").location(Location.municipality("GM0995"))
                    .skill("s-heftruck-rijden", Importance.ESSENTIAL).build());
        }
        try (Matcher m = Matcher.open(dir)) {
            System.out.println("reopened " + m.profileCount() + " profiles, " + m.vacancyCount() + " vacancy");
            MatchPage page = m.candidatesFor("v-1", MatchRequest.builder().k(2).explain(true).build());
            System.out.println("best " + page.matches().get(0).id() + "\n" + page.matches().get(0).explanation().toText());
        }
        DataDirectoryInfo info = Matcher.inspect(dir).orElseThrow();
        System.out.println("inspect " + info.taxonomyId() + " " + info.profiles() + " " + info.vacancies());
    }
}
