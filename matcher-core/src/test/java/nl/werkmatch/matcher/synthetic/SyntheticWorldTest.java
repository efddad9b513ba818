package nl.werkmatch.matcher.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.geo.Regions;
import nl.werkmatch.matcher.model.Location;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;

class SyntheticWorldTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 1);
    static final SkillTaxonomy TINY = TinyTaxonomy.build();

    private static SyntheticWorld world(long seed) {
        return SyntheticWorld.builder(TINY, Regions.netherlands()).seed(seed).today(TODAY).build();
    }

    @Test
    void sameSeedGivesEqualObjects() {
        SyntheticWorld a = world(42);
        SyntheticWorld b = world(42);
        for (long i = 0; i < 200; i++) {
            assertThat(b.profile(i)).isEqualTo(a.profile(i));
            assertThat(b.vacancy(i)).isEqualTo(a.vacancy(i));
        }
    }

    @Test
    void differentSeedsGiveDifferentWorlds() {
        SyntheticWorld a = world(1);
        SyntheticWorld b = world(2);
        long sameProfiles = java.util.stream.LongStream.range(0, 200).filter(i -> a.profile(i).equals(b.profile(i))).count();
        long sameVacancies = java.util.stream.LongStream.range(0, 200).filter(i -> a.vacancy(i).equals(b.vacancy(i))).count();
        assertThat(sameProfiles).isZero();
        assertThat(sameVacancies).isZero();
    }

    @Test
    void theIthItemIsTheIthOfTheStreamInAnyOrderOrThread() {
        SyntheticWorld w = world(7);
        List<Profile> profiles = w.profiles(500).toList();
        List<Vacancy> vacancies = w.vacancies(500).toList();
        assertThat(profiles).hasSize(500);
        for (int i : new int[] {0, 1, 17, 499}) {
            assertThat(w.profile(i)).isEqualTo(profiles.get(i));
            assertThat(w.vacancy(i)).isEqualTo(vacancies.get(i));
            assertThat(profiles.get(i).id()).isEqualTo("p-" + i);
            assertThat(vacancies.get(i).id()).isEqualTo("v-" + i);
        }
        assertThat(w.profiles(500).parallel().toList()).isEqualTo(profiles);
        assertThat(w.vacancies(500).parallel().toList()).isEqualTo(vacancies);
        // Random access far out: no state in between.
        assertThat(w.profile(1_000_000_000L)).isEqualTo(world(7).profile(1_000_000_000L));
    }

    @Test
    void everyObjectKeepsItsPromisesOnASmallHandBuiltTaxonomy() {
        SyntheticWorld w = world(3);
        Validity validity = new Validity(TINY, Regions.netherlands(), TODAY);
        w.profiles(5_000).forEach(p -> assertThat(validity.check(p)).as(p.toString()).isEmpty());
        w.vacancies(5_000).forEach(v -> assertThat(validity.check(v)).as(v.toString()).isEmpty());
    }

    @Test
    void occupationsWithoutClaimableSkillsAreNeverDrawn() {
        SyntheticWorld w = world(5);
        assertThat(w.vacancies(2_000).map(Vacancy::occupation)).doesNotContain("o-leeg", "o-groepsrol");
        assertThat(w.profiles(2_000).flatMap(p -> p.wantedOccupations().stream())).doesNotContain("o-leeg", "o-groepsrol");
    }

    @Test
    void allThreeLocationFormsOccur() {
        Map<String, Long> forms = world(11).profiles(2_000).map(Profile::location)
                .collect(Collectors.groupingBy(SyntheticWorldTest::form, Collectors.counting()));
        assertThat(forms).containsOnlyKeys("municipality", "postcode", "point");
        assertThat(forms.get("municipality")).isGreaterThan(forms.get("postcode"));
        assertThat(forms.get("point")).isPositive();
    }

    @Test
    void titlesPreferDutchLabelsAndStartWithACapital() {
        assertThat(world(1).vacancies(2_000).map(Vacancy::title).distinct())
                .contains("Metselaar", "Verzorgende", "Web developer")
                .allSatisfy(t -> assertThat(Character.isUpperCase(t.charAt(0))).as(t).isTrue());
    }

    @Test
    void aTaxonomyWithoutSkilledOccupationsIsRefused() {
        SkillTaxonomy empty = SkillTaxonomy.builder("empty", "1", "nl").build();
        assertThatThrownBy(() -> SyntheticWorld.builder(empty, Regions.netherlands()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no occupation with skills");
    }

    @Test
    void negativeIndexesAndCountsAreRefused() {
        SyntheticWorld w = world(1);
        assertThatThrownBy(() -> w.profile(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.vacancies(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    static String form(Location l) {
        return l.municipality() != null ? "municipality" : l.postcode() != null ? "postcode" : "point";
    }
}
