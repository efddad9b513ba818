package nl.werkmatch.matcher.evaluation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.geo.Regions;
import nl.werkmatch.matcher.synthetic.SyntheticWorld;
import nl.werkmatch.matcher.taxonomy.TaxonomyJson;

/** A small generated world on the sample taxonomy in an in-memory matcher, with simulated outcomes. */
final class World {
    /** Today, as the matcher's clock sees it, so that a copy made by tuning filters the same vacancies. */
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Amsterdam"));

    private World() {
    }

    static Matcher matcher(int profiles, int vacancies, long seed) {
        SyntheticWorld world = SyntheticWorld.builder(TaxonomyJson.sample(), Regions.netherlands()).seed(seed)
                .today(TODAY).build();
        Matcher m = Matcher.builder().build();
        m.upsertProfiles(world.profiles(profiles).toList());
        m.upsertVacancies(world.vacancies(vacancies).toList());
        m.refresh();
        return m;
    }

    static List<Outcome> outcomes(Matcher m, int vacancies, long seed) {
        return OutcomeSimulator.simulate(m, vacancies, seed, TODAY, 120);
    }
}
