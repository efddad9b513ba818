package nl.werkmatch.matcher.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.Match;
import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.geo.GeoPoint;
import nl.werkmatch.matcher.geo.Municipality;
import nl.werkmatch.matcher.geo.Regions;
import nl.werkmatch.matcher.model.Cefr;
import nl.werkmatch.matcher.model.LanguageSkill;
import nl.werkmatch.matcher.model.Location;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.model.WorkAuthorization;
import nl.werkmatch.matcher.synthetic.SyntheticWorld;

/**
 * The allocation on a crowded generated region (candidates and vacancies in the municipalities of Flevoland),
 * against the optimum over every eligible pair computed here: all eligible pairs come from the engine with a page
 * larger than the population, and the optimum from the test's own flow algorithm. The allocation itself starts with
 * short lists and must widen them where its proof asks for it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AllocatorTest {
    static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    static final String REGION = "Flevoland";
    static final double MIN_SCORE = 0.45;

    Matcher matcher;
    List<Profile> profiles;
    List<Vacancy> vacancies;

    @BeforeAll
    void world() {
        matcher = matcher();
        Regions regions = matcher.regions();
        List<Municipality> places = regions.municipalitiesIn(regions.labourMarketRegion(REGION).orElseThrow());
        SyntheticWorld world = SyntheticWorld.builder(matcher.taxonomy(), regions).seed(11).today(DAY).build();
        profiles = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            profiles.add(world.profile(i).toBuilder()
                    .location(Location.municipality(places.get(i % places.size()).code())).build());
        }
        vacancies = new ArrayList<>();
        for (int i = 0; vacancies.size() < 50; i++) {
            Vacancy v = world.vacancy(i);
            // Some closed ones stay, to be left out of the scope.
            if (v.isOpenOn(DAY) || i % 7 == 0) {
                vacancies.add(v.toBuilder().remote(false)
                        .location(Location.municipality(places.get(i % places.size()).code())).build());
            }
        }
        load(matcher, profiles, vacancies);
    }

    @AfterAll
    void close() {
        matcher.close();
    }

    static Matcher matcher() {
        ZoneId nl = ZoneId.of("Europe/Amsterdam");
        return Matcher.builder().clock(Clock.fixed(DAY.atTime(12, 0).atZone(nl).toInstant(), nl)).build();
    }

    static void load(Matcher m, List<Profile> profiles, List<Vacancy> vacancies) {
        m.upsertProfiles(profiles);
        m.upsertVacancies(vacancies);
        m.refresh();
    }

    AllocationRequest.Builder request() {
        return AllocationRequest.builder().region(REGION).minScore(MIN_SCORE).perPosition(2).maxPerCandidate(1);
    }

    @Test
    void totalEqualsTheOptimumOverEveryEligiblePair() {
        for (int maxPer : new int[] {1, 2}) {
            for (int perPosition : new int[] {1, 2, 3}) {
                Allocation a = matcher.allocate(request().perPosition(perPosition).maxPerCandidate(maxPer).build());
                Reference ref = reference(a, perPosition, maxPer, 0);
                assertThat(a.solver().proven()).isTrue();
                assertThat(a.metrics().totalScore()).as("perPosition %d, maxPerCandidate %d", perPosition, maxPer)
                        .isCloseTo(ref.optimum, within(1e-6));
                assertThat(a.solver().upperBound()).isCloseTo(a.solver().objective(), within(1e-9));
                assertThat(a.metrics().totalScore()).isGreaterThanOrEqualTo(ref.greedy - 1e-9);
                assertCapacities(a, maxPer);
            }
        }
    }

    @Test
    void theProofWidensListsWhereCapacitiesBind() {
        // One list per person and a crowded region: the first lists are too short for some vacancies.
        AllocationRequest r = request().perPosition(3).maxPerCandidate(1).build();
        Allocation a = Allocator.allocate(matcher, r, DAY, 0);
        assertThat(a.solver().rounds()).isGreaterThan(1);
        Reference ref = reference(a, 3, 1, 0);
        assertThat(a.solver().proven()).isTrue();
        assertThat(a.metrics().totalScore()).isCloseTo(ref.optimum, within(1e-6));
        assertThat(a.metrics().totalScore()).isCloseTo(matcher.allocate(r).metrics().totalScore(), within(1e-9));
        int firstLength = 0;
        for (Allocation.Shortlist s : a.shortlists()) {
            for (Allocation.Invitation i : s.candidates()) {
                firstLength = Math.max(firstLength, i.rank() - s.places() * 2 - 5);
            }
        }
        assertThat(firstLength).as("someone beyond the first fetched list was invited").isPositive();
    }

    @Test
    void firstListsAreDeepEnoughForTheCapacitiesAndBoundedInAll() {
        assertThat(Allocator.firstLengths(new int[] {3, 6, 40}, 2, 100, 100, 1_000)).containsExactly(100, 100, 100);
        assertThat(Allocator.firstLengths(new int[] {3, 40}, 2, 500, 100, 1_000)).containsExactly(100, 125);
        assertThat(Allocator.firstLengths(new int[] {3, 40}, 2, 20, 100, 1_000)).containsExactly(20, 20);
        assertThat(Allocator.firstLengths(new int[] {3, 40}, 2, 500, 0, 1_000)).containsExactly(14, 125);
        int[] crowded = new int[300];
        java.util.Arrays.fill(crowded, 300);
        int[] cut = Allocator.firstLengths(crowded, 100, 10_000, 100, 2_000);
        assertThat(java.util.Arrays.stream(cut).sum()).isLessThanOrEqualTo(2_000);
        assertThat(cut).containsOnly(6);
        assertThat(Allocator.firstLengths(crowded, 100, 10_000, 100, 100)).containsOnly(1);
    }

    @Test
    void aCutListReportsAnHonestBound() {
        Allocation a = matcher.allocate(request().perPosition(3).maxPerCandidate(1).maxCandidatesPerVacancy(3).build());
        Reference ref = reference(a, 3, 1, 0);
        assertThat(a.solver().upperBound()).isGreaterThanOrEqualTo(ref.optimum - 1e-6);
        assertThat(a.solver().objective()).isLessThanOrEqualTo(ref.optimum + 1e-6);
        if (a.solver().proven()) {
            assertThat(a.solver().objective()).isCloseTo(ref.optimum, within(1e-6));
        }
    }

    @Test
    void theBonusForUnseenIsOptimalToo() {
        double bonus = 0.3;
        Allocation plain = matcher.allocate(request().perPosition(2).maxPerCandidate(2).build());
        Allocation a = matcher.allocate(request().perPosition(2).maxPerCandidate(2).priorityForUnseen(bonus).build());
        Reference ref = reference(a, 2, 2, bonus);
        assertThat(a.solver().objective()).isCloseTo(ref.optimum, within(1e-6));
        assertThat(a.solver().proven()).isTrue();
        assertThat(unseenInvited(a)).isGreaterThanOrEqualTo(unseenInvited(plain));
        assertThat(a.metrics().totalScore()).isLessThanOrEqualTo(plain.metrics().totalScore() + 1e-9);
    }

    @Test
    void everyPairPassesTheHardFiltersAtItsEngineScore() {
        Allocation a = matcher.allocate(request().perPosition(3).maxPerCandidate(2).build());
        Map<String, Profile> byId = new HashMap<>();
        profiles.forEach(p -> byId.put(p.id(), p));
        int pairs = 0;
        for (Allocation.Shortlist s : a.shortlists()) {
            Vacancy v = matcher.vacancy(s.vacancy()).orElseThrow();
            assertThat(v.isOpenOn(DAY)).isTrue();
            for (Allocation.Invitation i : s.candidates()) {
                Profile p = byId.get(i.candidate());
                assertThat(passesHardFilters(p, v, matcher.regions())).as("%s for %s", p.id(), v.id()).isTrue();
                assertThat(i.score()).isCloseTo(matcher.scorer().score(p, v, matcher.weights()), within(1e-12));
                assertThat(i.score()).isGreaterThanOrEqualTo(MIN_SCORE);
                pairs++;
            }
        }
        assertThat(pairs).isGreaterThan(30);
    }

    @Test
    void theScopeIsTheOpenVacanciesOfTheRegion() {
        Allocation a = matcher.allocate(request().build());
        Set<String> open = new TreeSet<>();
        vacancies.stream().filter(v -> v.isOpenOn(DAY)).forEach(v -> open.add(v.id()));
        assertThat(a.shortlists()).extracting(Allocation.Shortlist::vacancy).containsExactlyElementsOf(open);
        assertThat(vacancies.stream().filter(v -> !v.isOpenOn(DAY)).count()).as("the world has closed ones").isPositive();
    }

    @Test
    void thePlainMetricsAreEachVacancyTakingItsOwnTop() {
        Allocation a = matcher.allocate(request().perPosition(2).build());
        Map<String, Integer> lists = new HashMap<>();
        double total = 0;
        int withCandidates = 0;
        for (Allocation.Shortlist s : a.shortlists()) {
            List<Match> top = matcher.candidatesFor(s.vacancy(), MatchRequest.builder().k(s.places()).minScore(MIN_SCORE)
                    .openOn(DAY).build()).matches();
            for (Match m : top) {
                lists.merge(m.id(), 1, Integer::sum);
                total += m.score();
            }
            withCandidates += top.isEmpty() ? 0 : 1;
        }
        assertThat(a.plain().totalScore()).isCloseTo(total, within(1e-9));
        assertThat(a.plain().candidatesInvited()).isEqualTo(lists.size());
        assertThat(a.plain().vacanciesWithCandidates()).isEqualTo(withCandidates);
        assertThat(a.plain().maxListsPerCandidate()).isEqualTo(Collections.max(lists.values()));
        assertThat(a.metrics().maxListsPerCandidate()).isLessThanOrEqualTo(1);
    }

    @Test
    void theSameDataInAnyOrderGivesTheSameShortlists() {
        Allocation first = matcher.allocate(request().perPosition(3).maxPerCandidate(2).build());
        List<Profile> shuffledProfiles = new ArrayList<>(profiles);
        List<Vacancy> shuffledVacancies = new ArrayList<>(vacancies);
        Collections.shuffle(shuffledProfiles, new Random(5));
        Collections.shuffle(shuffledVacancies, new Random(6));
        try (Matcher other = matcher()) {
            load(other, shuffledProfiles, shuffledVacancies);
            Allocation again = other.allocate(request().perPosition(3).maxPerCandidate(2).build());
            assertThat(again.shortlists()).isEqualTo(first.shortlists());
            assertThat(again.unfilled()).isEqualTo(first.unfilled());
            assertThat(again.uninvited()).isEqualTo(first.uninvited());
            // The same scope given as explicit ids, in another order, is the same allocation.
            List<String> ids = new ArrayList<>(first.shortlists().stream().map(Allocation.Shortlist::vacancy).toList());
            Collections.shuffle(ids, new Random(7));
            Allocation byIds = other.allocate(AllocationRequest.builder().vacancies(ids).minScore(MIN_SCORE)
                    .perPosition(3).maxPerCandidate(2).build());
            assertThat(byIds.shortlists()).isEqualTo(first.shortlists());
        }
    }

    @Test
    void unfilledVacanciesSayWhy() {
        Allocation a = matcher.allocate(request().perPosition(3).maxPerCandidate(1).build());
        assertThat(a.unfilled()).isNotEmpty();
        for (Allocation.Unfilled u : a.unfilled()) {
            assertThat(u.filled()).isLessThan(u.places());
            if (u.reason() == Allocation.Reason.TOO_FEW_ELIGIBLE) {
                assertThat(u.eligible()).isLessThan(u.places());
                assertThat(u.takenElsewhere()).isZero();
            } else {
                assertThat(u.takenElsewhere()).isPositive();
            }
        }
        Set<String> invited = new TreeSet<>();
        a.shortlists().forEach(s -> s.candidates().forEach(i -> invited.add(i.candidate())));
        assertThat(a.uninvited()).doesNotContainAnyElementsOf(invited);
        assertThat(a.uninvited().size() + invited.size()).isEqualTo(a.solver().consideredCandidates());
    }

    @Test
    void badInputNamesTheField() {
        assertThatThrownBy(() -> matcher.allocate(AllocationRequest.builder().region("Atlantis").build()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("regions[0]");
        assertThatThrownBy(() -> matcher.allocate(AllocationRequest.builder().municipality("GM9999").build()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("municipalities[0]");
        assertThatThrownBy(() -> matcher.allocate(AllocationRequest.builder().vacancy("no-such-vacancy").build()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("vacancies[0]");
        String closed = vacancies.stream().filter(v -> !v.isOpenOn(DAY)).findFirst().orElseThrow().id();
        assertThatThrownBy(() -> matcher.allocate(AllocationRequest.builder().vacancy(closed).build()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not open on 2026-12-01");
        assertThatThrownBy(() -> matcher.allocate(AllocationRequest.builder().region("Zeeland").build()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("regions: no vacancy in this scope");
        assertThatThrownBy(() -> AllocationRequest.builder().build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("regions");
        assertThatThrownBy(() -> request().perPosition(0).maxPerCandidate(101).minScore(2).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("perPosition").hasMessageContaining("maxPerCandidate").hasMessageContaining("minScore");
    }

    // ---- the reference

    record Reference(double optimum, double greedy) {
    }

    /**
     * The optimum over every eligible pair of the allocation's vacancies: each vacancy's full ranking (a page larger
     * than the population), then the test's own Bellman-Ford flow. Bonus as the allocation defines it: for
     * candidates on no vacancy's plain top {@code places}.
     */
    Reference reference(Allocation a, int perPosition, int maxPer, double bonus) {
        List<Allocation.Shortlist> lists = a.shortlists();
        Map<String, Integer> index = new HashMap<>();
        List<int[]> pairs = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        Set<String> onPlain = new TreeSet<>();
        List<String> pairCandidate = new ArrayList<>();
        int[] places = new int[lists.size()];
        for (int v = 0; v < lists.size(); v++) {
            places[v] = perPosition * lists.get(v).positions();
            List<Match> all = matcher.candidatesFor(lists.get(v).vacancy(), MatchRequest.builder().k(1000)
                    .minScore(MIN_SCORE).openOn(DAY).build()).matches();
            assertThat(all.size()).isLessThan(1000);
            for (int i = 0; i < all.size(); i++) {
                Match m = all.get(i);
                if (i < places[v]) {
                    onPlain.add(m.id());
                }
                int c = index.computeIfAbsent(m.id(), k -> index.size());
                pairs.add(new int[] {v, c});
                scores.add(m.score());
                pairCandidate.add(m.id());
            }
        }
        double[] w = new double[scores.size()];
        for (int e = 0; e < w.length; e++) {
            w[e] = scores.get(e) + (onPlain.contains(pairCandidate.get(e)) ? 0 : bonus);
        }
        FlowSolverTest.Instance in = new FlowSolverTest.Instance(places, index.size(), maxPer,
                pairs.stream().mapToInt(p -> p[0]).toArray(), pairs.stream().mapToInt(p -> p[1]).toArray(), w);
        return new Reference(FlowSolverTest.bellmanFordOptimum(in), FlowSolverTest.greedy(in));
    }

    private static void assertCapacities(Allocation a, int maxPer) {
        Map<String, Integer> lists = new HashMap<>();
        for (Allocation.Shortlist s : a.shortlists()) {
            assertThat(s.candidates().size()).isLessThanOrEqualTo(s.places());
            assertThat(s.candidates()).extracting(Allocation.Invitation::candidate).doesNotHaveDuplicates();
            s.candidates().forEach(i -> lists.merge(i.candidate(), 1, Integer::sum));
        }
        assertThat(lists.values()).allMatch(n -> n <= maxPer);
    }

    private static long unseenInvited(Allocation a) {
        // ranks beyond the plain list of every vacancy; counted per distinct candidate on no plain list is not
        // visible here, so count invitations from outside the vacancy's own plain top.
        return a.shortlists().stream().flatMap(s -> s.candidates().stream().filter(i -> i.rank() > s.places())).count();
    }

    /** The hard filters as the README states them, from the records alone. */
    static boolean passesHardFilters(Profile p, Vacancy v, Regions regions) {
        boolean authorized = p.workAuthorization() == WorkAuthorization.FREE
                || (p.workAuthorization() == WorkAuthorization.PERMIT_REQUIRED && v.permitSponsored());
        boolean jobType = p.jobTypes().isEmpty() || p.jobTypes().contains(v.jobType());
        boolean hours = p.hours().overlaps(v.hours());
        boolean available = p.availableFrom() == null || v.openUntil() == null || !p.availableFrom().isAfter(v.openUntil());
        GeoPoint pp = regions.resolve(p.location()).orElseThrow().point();
        GeoPoint vp = regions.resolve(v.location()).orElseThrow().point();
        boolean near = v.remote() || p.maxTravelKm() == null || pp.distanceKm(vp) <= p.maxTravelKm();
        boolean english = v.englishAccepted() != Cefr.NONE && p.english().rank() >= v.englishAccepted().rank();
        boolean language = true;
        for (LanguageSkill s : LanguageSkill.values()) {
            Cefr required = v.languageSupport() ? v.dutch().get(s).lower() : v.dutch().get(s);
            if (!english && required.rank() - p.dutch().get(s).rank() > MatchRequest.DEFAULT_MAX_LANGUAGE_GAP) {
                language = false;
            }
        }
        return authorized && jobType && hours && available && near && language && v.isOpenOn(DAY);
    }
}
