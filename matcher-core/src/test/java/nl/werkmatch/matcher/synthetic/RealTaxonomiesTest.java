package nl.werkmatch.matcher.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.IntSummaryStatistics;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.geo.Regions;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.taxonomy.EscoLoader;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;
import nl.werkmatch.matcher.taxonomy.TaxonomyJson;

/** The generator on the bundled sample taxonomy and on the full ESCO (skipped when the shared data is absent). */
class RealTaxonomiesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 1);

    @Test
    void sampleTaxonomy() {
        SkillTaxonomy sample = TaxonomyJson.sample();
        SyntheticWorld world = SyntheticWorld.builder(sample, Regions.netherlands()).seed(5).today(TODAY).build();
        checkAll(world, sample, 5_000);
        IntSummaryStatistics skills = world.profiles(5_000).mapToInt(p -> p.skills().size()).summaryStatistics();
        System.out.println("sample taxonomy, skills per profile: " + skills);
        assertThat(skills.getAverage()).isBetween(3.0, 25.0);

        // Shortage sectors are advertised more than people want them.
        double vacancyShare = world.vacancies(5_000).filter(v -> shortage(sample, v.occupation())).count() / 5_000.0;
        List<String> wanted = world.profiles(5_000).flatMap(p -> p.wantedOccupations().stream()).toList();
        double profileShare = wanted.stream().filter(o -> shortage(sample, o)).count() / (double) wanted.size();
        System.out.printf("sample taxonomy, shortage-sector share: vacancies %.2f, wanted occupations %.2f%n", vacancyShare, profileShare);
        assertThat(vacancyShare).isGreaterThan(profileShare);
    }

    @Test
    void fullEsco() throws IOException {
        Path esco = sharedData().resolve("esco-v1.1.1");
        assumeTrue(Files.isDirectory(esco), "ESCO v1.1.1 not found at " + esco + " (set -Dwerkmatch.shared.data): skipping");
        SkillTaxonomy taxonomy = EscoLoader.load(esco);
        SyntheticWorld world = SyntheticWorld.builder(taxonomy, Regions.netherlands()).seed(5).today(TODAY).build();
        checkAll(world, taxonomy, 5_000);

        IntSummaryStatistics profileSkills = world.profiles(10_000).mapToInt(p -> p.skills().size()).summaryStatistics();
        IntSummaryStatistics vacancySkills = world.vacancies(10_000).mapToInt(v -> v.skills().size()).summaryStatistics();
        System.out.println("ESCO, skills per profile: " + profileSkills + "; per vacancy: " + vacancySkills);
        assertThat(profileSkills.getAverage()).isBetween(10.0, 25.0);
        assertThat(profileSkills.getMax()).isLessThanOrEqualTo(ProfileMaker.MAX_SKILLS);
        assertThat(vacancySkills.getMin()).isGreaterThanOrEqualTo(3);
        assertThat(vacancySkills.getMax()).isLessThanOrEqualTo(VacancyMaker.MAX_SKILLS);

        // Speed is reported, not asserted: it depends on the machine and on what else runs on it, so three rounds.
        world.profiles(50_000).forEach(p -> { });   // warm up
        for (int round = 1; round <= 3; round++) {
            long start = System.nanoTime();
            long skills = world.profiles(100_000).mapToLong(p -> p.skills().size()).sum();
            double sequential = 100_000 / ((System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            skills += world.profiles(100_000).parallel().mapToLong(p -> p.skills().size()).sum();
            double parallel = 100_000 / ((System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            skills += world.vacancies(100_000).mapToLong(v -> v.skills().size()).sum();
            double vacancies = 100_000 / ((System.nanoTime() - start) / 1e9);
            System.out.printf("ESCO generation, round %d: %,.0f profiles/s sequential, %,.0f profiles/s parallel (%d cores), "
                    + "%,.0f vacancies/s sequential (%,d skills)%n",
                    round, sequential, parallel, Runtime.getRuntime().availableProcessors(), vacancies, skills);
        }
    }

    private static void checkAll(SyntheticWorld world, SkillTaxonomy taxonomy, int n) {
        Validity validity = new Validity(taxonomy, Regions.netherlands(), TODAY);
        world.profiles(n).forEach((Profile p) -> assertThat(validity.check(p)).as(p.id()).isEmpty());
        world.vacancies(n).forEach((Vacancy v) -> assertThat(validity.check(v)).as(v.id()).isEmpty());
    }

    private static boolean shortage(SkillTaxonomy taxonomy, String occupation) {
        int o = taxonomy.occupationIndexOf(occupation);
        return Sector.of(taxonomy.sector(o), taxonomy.isco(o)).shortage();
    }

    private static Path sharedData() {
        String dir = System.getProperty("werkmatch.shared.data");
        assumeTrue(dir != null && !dir.isBlank(), "system property werkmatch.shared.data not set: skipping the ESCO test");
        return Path.of(dir);
    }
}
