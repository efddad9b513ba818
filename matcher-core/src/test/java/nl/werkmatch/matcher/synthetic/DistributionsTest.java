package nl.werkmatch.matcher.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.geo.Regions;
import nl.werkmatch.matcher.model.Cefr;
import nl.werkmatch.matcher.model.Evidence;
import nl.werkmatch.matcher.model.Experience;
import nl.werkmatch.matcher.model.InburgeringRoute;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.SkillClaim;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.model.WorkAuthorization;

/** The shares the generator aims for, measured over 10,000 profiles and vacancies. */
class DistributionsTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 1);
    static final Set<String> BIG_CITIES = Set.of("Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Eindhoven",
            "Groningen", "Tilburg", "Almere", "Breda", "Nijmegen");

    static List<Profile> profiles;
    static List<Vacancy> vacancies;

    @BeforeAll
    static void generate() {
        SyntheticWorld w = SyntheticWorld.builder(TinyTaxonomy.build(), Regions.netherlands()).seed(2026).today(TODAY).build();
        profiles = w.profiles(10_000).toList();
        vacancies = w.vacancies(10_000).toList();
    }

    @Test
    void dutchIsMostlyA1ToA2WithWritingBehind() {
        assertThat(share(profiles, p -> p.dutch().speaking() == Cefr.A1 || p.dutch().speaking() == Cefr.A2)).isGreaterThan(0.50);
        assertThat(share(profiles, p -> p.dutch().speaking().compareTo(Cefr.B1) >= 0)).isBetween(0.10, 0.35);
        assertThat(share(profiles, p -> p.dutch().speaking() == Cefr.NONE)).isBetween(0.03, 0.20);
        assertThat(share(profiles, p -> p.dutch().writing().compareTo(p.dutch().speaking()) < 0)).isGreaterThan(0.40);
        assertThat(share(profiles, p -> p.dutch().writing().compareTo(p.dutch().speaking()) > 0)).isZero();
        assertThat(share(profiles, p -> p.dutch().listening() == p.dutch().reading()
                && p.dutch().reading() == p.dutch().speaking() && p.dutch().speaking() == p.dutch().writing())).isLessThan(0.4);
    }

    @Test
    void inburgeringRouteFitsTheLevelAndTheStatus() {
        assertThat(profiles).filteredOn(p -> p.inburgeringRoute() == InburgeringRoute.Z)
                .allSatisfy(p -> assertThat(p.dutch().speaking()).isLessThanOrEqualTo(Cefr.A2));
        assertThat(profiles).filteredOn(p -> p.workAuthorization() != WorkAuthorization.FREE)
                .allSatisfy(p -> assertThat(p.inburgeringRoute()).isEqualTo(InburgeringRoute.NONE));
        assertThat(share(profiles, p -> p.inburgeringRoute() == InburgeringRoute.Z)).isBetween(0.10, 0.40);
        assertThat(share(profiles, p -> p.inburgeringRoute() == InburgeringRoute.B1)).isBetween(0.25, 0.60);
    }

    @Test
    void workAuthorizationIsMostlyFree() {
        assertThat(share(profiles, p -> p.workAuthorization() == WorkAuthorization.PERMIT_REQUIRED)).isBetween(0.10, 0.20);
        assertThat(share(profiles, p -> p.workAuthorization() == WorkAuthorization.NOT_ALLOWED)).isBetween(0.005, 0.04);
    }

    @Test
    void englishSpreadsFromNoneToC1() {
        assertThat(profiles.stream().map(Profile::english).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Cefr.NONE, Cefr.A1, Cefr.A2, Cefr.B1, Cefr.B2, Cefr.C1);
    }

    @Test
    void peopleLiveMostlyInTheBigCities() {
        Regions regions = Regions.netherlands();
        Map<String, Long> byMunicipality = profiles.stream()
                .collect(Collectors.groupingBy(p -> regions.resolve(p.location()).orElseThrow().municipality().name(), Collectors.counting()));
        List<String> top = byMunicipality.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5).map(Map.Entry::getKey).toList();
        System.out.println("top municipalities of 10,000 profiles: " + byMunicipality.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12).toList());
        assertThat(top.get(0)).isIn(BIG_CITIES);
        assertThat(top.stream().filter(BIG_CITIES::contains).count()).isGreaterThanOrEqualTo(3);
        assertThat(byMunicipality.size()).isGreaterThan(250);
    }

    @Test
    void thePopulationEstimatePutsTheBigCitiesOnTop() {
        Map<String, Double> shares = SyntheticWorld.builder(TinyTaxonomy.build(), Regions.netherlands()).build().municipalityShares();
        Regions regions = Regions.netherlands();
        List<String> top = shares.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(3).map(e -> regions.municipality(e.getKey()).orElseThrow().name()).toList();
        assertThat(top).containsExactlyInAnyOrder("Amsterdam", "Rotterdam", "Den Haag");
        assertThat(shares.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(shares).hasSizeGreaterThan(330);
    }

    @Test
    void skillsAreMostlyDeclaredAndExperienceMostlyShort() {
        List<SkillClaim> claims = profiles.stream().flatMap(p -> p.skills().stream()).toList();
        assertThat(share(claims, c -> c.evidence() == Evidence.DECLARED)).isBetween(0.65, 0.85);
        assertThat(share(claims, c -> c.evidence() == Evidence.CERTIFIED)).isBetween(0.03, 0.12);
        List<Double> years = profiles.stream().flatMap(p -> p.experience().stream()).map(Experience::years).sorted().toList();
        assertThat(years.get(years.size() / 2)).isBetween(1.5, 4.0);
        assertThat(years.get(years.size() - 1)).isLessThanOrEqualTo(15.0);
        assertThat(share(profiles, p -> p.experience().isEmpty())).isBetween(0.2, 0.4);
        assertThat(share(profiles, p -> p.wantedOccupations().isEmpty())).isBetween(0.15, 0.35);
    }

    @Test
    void originsFollowTheAsylumFigures() {
        Map<String, Long> origins = profiles.stream().collect(Collectors.groupingBy(p -> p.audit().countryOfOrigin(), Collectors.counting()));
        assertThat(origins.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey()).isEqualTo("SY");
        assertThat(origins).containsKeys("ER", "AF", "TR", "UA", "YE", "IQ", "IR", "SO", "ET");
        assertThat(profiles).filteredOn(p -> p.audit().countryOfOrigin().equals("SY"))
                .allSatisfy(p -> assertThat(p.otherLanguages()).contains("ar"));
    }

    @Test
    void vacancySharesAreAsIntended() {
        assertThat(share(vacancies, Vacancy::languageSupport)).isBetween(0.36, 0.44);
        assertThat(share(vacancies, Vacancy::permitSponsored)).isBetween(0.17, 0.23);
        assertThat(share(vacancies, v -> v.englishAccepted() != Cefr.NONE)).isBetween(0.10, 0.30);
        assertThat(share(vacancies, v -> !v.isOpenOn(TODAY))).isBetween(0.15, 0.25);   // closed already or not yet open
        assertThat(share(vacancies, v -> v.openUntil() != null && v.openUntil().isBefore(TODAY))).isBetween(0.08, 0.12);
        assertThat(share(vacancies, v -> v.jobType() == nl.werkmatch.matcher.model.JobType.REGULAR)).isBetween(0.7, 0.85);
        assertThat(vacancies).filteredOn(Vacancy::remote)
                .allSatisfy(v -> assertThat(v.occupation()).isEqualTo("o-webdeveloper"));
        assertThat(vacancies).filteredOn(Vacancy::languageSupport)
                .allSatisfy(v -> assertThat(v.support()).containsAnyOf(
                        nl.werkmatch.matcher.model.Support.LANGUAGE_BUDDY, nl.werkmatch.matcher.model.Support.LANGUAGE_COURSE));
    }

    @Test
    void careAsksMoreDutchThanPacking() {
        double care = meanSpeaking("o-verzorgende");
        double packing = meanSpeaking("o-inpakker");
        assertThat(care).isBetween(3.0, 3.5);       // B1, often B2
        assertThat(packing).isBetween(1.0, 1.8);    // A1 to A2
        System.out.printf("mean spoken Dutch required: care %.2f, packing %.2f (A1 = 1, B1 = 3)%n", care, packing);
    }

    private static double meanSpeaking(String occupation) {
        return vacancies.stream().filter(v -> v.occupation().equals(occupation))
                .mapToInt(v -> v.dutch().speaking().rank()).average().orElseThrow();
    }

    static <T> double share(List<T> items, Predicate<T> p) {
        return items.stream().filter(p).count() / (double) items.size();
    }

}
