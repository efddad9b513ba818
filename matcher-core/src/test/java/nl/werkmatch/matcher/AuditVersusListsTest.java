package nl.werkmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.werkmatch.matcher.advice.AdviceRequest;
import nl.werkmatch.matcher.audit.AuditReport;
import nl.werkmatch.matcher.audit.AuditReport.GroupRow;
import nl.werkmatch.matcher.audit.AuditReport.NeverRecommended;
import nl.werkmatch.matcher.audit.AuditRequest;
import nl.werkmatch.matcher.audit.NeverRecommendedReason;
import nl.werkmatch.matcher.model.Audit;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.model.WorkAuthorization;
import nl.werkmatch.matcher.internal.PreparedProfile;
import nl.werkmatch.matcher.internal.PreparedVacancy;
import nl.werkmatch.matcher.internal.Scorer;

/**
 * The audit against the engine's own lists: on random worlds, the never-recommended set, the exposure and the group
 * counts equal what the test computes from {@code candidatesFor} directly, and each never-recommended profile's
 * eligible count and reason equal a brute-force scan with the independent filters of
 * {@link EngineVersusBruteForceTest}.
 */
class AuditVersusListsTest {

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24})
    void auditEqualsTheListsOfCandidatesFor(long seed) {
        RandomWorld world = new RandomWorld(seed);
        Random rnd = new Random(seed);
        try (Matcher matcher = Matcher.builder().taxonomy(world.taxonomy).clock(TinyWorld.CLOCK).build()) {
            List<Profile> profiles = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                profiles.add(world.profile(i).toBuilder().audit(randomAudit(rnd)).build());
            }
            List<Vacancy> vacancies = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                vacancies.add(world.vacancy(i));
            }
            assertThat(matcher.upsertProfiles(profiles).rejected()).isEmpty();
            assertThat(matcher.upsertVacancies(vacancies).rejected()).isEmpty();
            matcher.refresh();

            LocalDate day = RandomWorld.TODAY.plusDays(rnd.nextInt(21) - 10);
            int k = 1 + rnd.nextInt(6);
            double minScore = seed % 2 == 0 ? 0 : 0.25 + rnd.nextDouble() * 0.2;
            String region = seed == 24 ? matcher.regions().resolve(profiles.get(0).location()).orElseThrow().region().name() : null;
            int advise = 7;
            AuditReport report = matcher.audit(AuditRequest.builder().day(day).k(k).minScore(minScore).region(region)
                    .threads(2).advice(advise).build());

            Function<Profile, String> regionOf = p -> matcher.regions().resolve(p.location()).orElseThrow().region().name();
            List<Profile> audited = profiles.stream().filter(p -> region == null || region.equals(regionOf.apply(p))).toList();

            // the lists, straight from the engine
            MatchRequest list = MatchRequest.builder().k(k).minScore(minScore).openOn(day).build();
            Map<String, Integer> exposure = new HashMap<>();
            Set<String> unfilled = new TreeSet<>();
            int open = 0;
            for (Vacancy v : vacancies) {
                if (!v.isOpenOn(day)) {
                    continue;
                }
                open++;
                MatchPage page = matcher.candidatesFor(v.id(), list);
                if (page.matches().isEmpty() && (region == null
                        || (v.location() != null && region.equals(matcher.regions().resolve(v.location()).orElseThrow().region().name())))) {
                    unfilled.add(v.id());
                }
                page.matches().forEach(m -> exposure.merge(m.id(), 1, Integer::sum));
            }
            assertThat(report.vacancies()).isEqualTo(open);
            assertThat(report.profiles()).isEqualTo(audited.size());
            assertThat(report.unfilledVacancies()).extracting(AuditReport.UnfilledVacancy::id).containsExactlyElementsOf(unfilled);

            Set<String> never = new TreeSet<>();
            long slots = 0;
            for (Profile p : audited) {
                int x = exposure.getOrDefault(p.id(), 0);
                slots += x;
                if (x == 0) {
                    never.add(p.id());
                }
            }
            assertThat(report.neverRecommended()).extracting(NeverRecommended::id).containsExactlyInAnyOrderElementsOf(never);
            assertThat(report.neverRecommended()).as("those advice helps most first, ties by id")
                    .isSortedAccordingTo(java.util.Comparator.<NeverRecommended>comparingInt(n -> n.reason().adviceOrder())
                            .thenComparing(NeverRecommended::id));
            assertThat(report.recommended()).isEqualTo(audited.size() - never.size());
            assertThat(report.slots()).isEqualTo(slots);
            assertThat(never).as("some profiles recommended, some not").isNotEmpty().hasSizeLessThan(audited.size());

            checkGroups(report, audited, exposure, day, regionOf);
            checkReasons(report, matcher, profiles, vacancies, minScore, day);

            checkAdvice(report, matcher, advise, minScore);

            // without eligible counts and advice: the same people, the same reasons, no counts
            AuditReport quick = matcher.audit(AuditRequest.builder().day(day).k(k).minScore(minScore).region(region)
                    .threads(1).eligibleCounts(false).advice(0).build());
            assertThat(quick.neverRecommended()).allMatch(n -> n.advice() == null);
            assertThat(quick.unfilledVacancies()).allMatch(v -> v.advice() == null);
            assertThat(quick.advice().profiles()).isZero();
            assertThat(quick.neverRecommended()).extracting(NeverRecommended::id, NeverRecommended::reason)
                    .containsExactlyElementsOf(report.neverRecommended().stream()
                            .map(n -> org.assertj.core.groups.Tuple.tuple(n.id(), n.reason())).toList());
            assertThat(quick.neverRecommended()).allMatch(n -> n.eligible() == null);
            assertThat(quick.groups()).isEqualTo(report.groups());
            assertThat(quick.congestion()).isEqualTo(report.congestion());
        }
    }

    /**
     * The first {@code advise} never-recommended profiles in the report's order, and every unfilled vacancy, carry
     * exactly the answer of the public advice API; the others none.
     */
    private static void checkAdvice(AuditReport report, Matcher matcher, int advise, double minScore) {
        AdviceRequest ask = new AdviceRequest(Math.max(minScore, AdviceRequest.DEFAULT_MIN_SCORE),
                AuditRequest.ADVICE_SUGGESTIONS, null);
        List<NeverRecommended> never = report.neverRecommended();
        for (int i = 0; i < never.size(); i++) {
            NeverRecommended n = never.get(i);
            if (i < advise) {
                assertThat(n.advice()).as("advice of " + n.id()).isEqualTo(matcher.adviseProfile(n.id(), ask));
                assertThat(n.advice().suggestions()).hasSizeLessThanOrEqualTo(AuditRequest.ADVICE_SUGGESTIONS);
            } else {
                assertThat(n.advice()).as("no advice for " + n.id()).isNull();
            }
        }
        for (AuditReport.UnfilledVacancy v : report.unfilledVacancies()) {
            assertThat(v.advice()).as("advice of " + v.id()).isEqualTo(matcher.adviseVacancy(v.id(), ask));
        }
        assertThat(report.advice().profiles()).isEqualTo(Math.min(advise, never.size()));
        assertThat(report.advice().vacancies()).isEqualTo(report.unfilledVacancies().size());
        assertThat(report.advice().minScore()).isEqualTo(ask.minScore());
    }

    private static void checkGroups(AuditReport report, List<Profile> audited, Map<String, Integer> exposure,
                                    LocalDate day, Function<Profile, String> regionOf) {
        Map<String, Function<Profile, String>> attributes = Map.of(
                "gender", p -> orUnknown(p.audit().gender()),
                "ageBand", p -> ageBand(p.audit().birthYear(), day.getYear()),
                "countryOfOrigin", p -> orUnknown(p.audit().countryOfOrigin()),
                "inburgeringRoute", p -> p.inburgeringRoute().name(),
                "educationLevel", p -> p.education().level().name(),
                "workAuthorization", p -> p.workAuthorization().name(),
                "labourMarketRegion", regionOf);
        assertThat(report.groups().keySet()).containsExactlyInAnyOrderElementsOf(attributes.keySet());
        int bigRowsSeen = 0;
        for (var attribute : attributes.entrySet()) {
            Map<String, int[]> expected = new HashMap<>(); // value -> {profiles, recommended, slots}
            for (Profile p : audited) {
                int[] c = expected.computeIfAbsent(attribute.getValue().apply(p), v -> new int[3]);
                int x = exposure.getOrDefault(p.id(), 0);
                c[0]++;
                c[1] += x > 0 ? 1 : 0;
                c[2] += x;
            }
            List<GroupRow> rows = report.groups().get(attribute.getKey());
            int profiles = 0;
            int recommended = 0;
            Set<String> shown = new HashSet<>();
            double bestRate = rows.stream().mapToDouble(GroupRow::recommendedRate).max().orElse(0);
            for (GroupRow row : rows) {
                assertThat(row.profiles()).as(attribute.getKey() + " " + row.value()).isGreaterThanOrEqualTo(AuditReport.MIN_CELL);
                profiles += row.profiles();
                recommended += row.recommended();
                if (!row.value().equals(AuditReport.OTHER)) {
                    int[] c = expected.get(row.value());
                    assertThat(c).as(attribute.getKey() + " " + row.value()).isNotNull();
                    assertThat(row.profiles()).isEqualTo(c[0]);
                    assertThat(row.recommended()).isEqualTo(c[1]);
                    assertThat(row.slotShare()).isCloseTo(report.slots() == 0 ? 0 : (double) c[2] / report.slots(),
                            org.assertj.core.api.Assertions.within(1e-12));
                    shown.add(row.value());
                    bigRowsSeen++;
                }
                if (bestRate > 0) {
                    assertThat(row.ratio()).isCloseTo(row.recommendedRate() / bestRate, org.assertj.core.api.Assertions.within(1e-12));
                    assertThat(row.belowFourFifths()).isEqualTo(row.ratio() < 0.8);
                }
            }
            // every value of at least MIN_CELL is either shown or, by secondary suppression, in the merged row
            for (var e : expected.entrySet()) {
                if (!shown.contains(e.getKey())) {
                    assertThat(rows).as("a value not shown lies in the merged row").anyMatch(r -> r.value().equals(AuditReport.OTHER));
                }
            }
            if (audited.size() >= AuditReport.MIN_CELL) {
                assertThat(profiles).as(attribute.getKey() + ": the rows cover everyone").isEqualTo(audited.size());
                assertThat(recommended).isEqualTo(report.recommended());
            }
        }
        assertThat(bigRowsSeen).isPositive();
    }

    private static void checkReasons(AuditReport report, Matcher matcher, List<Profile> profiles, List<Vacancy> vacancies,
                                     double minScore, LocalDate day) {
        Scorer scorer = RandomWorld.referenceScorer(matcher);
        Map<String, PreparedProfile> pps = new HashMap<>();
        profiles.forEach(p -> pps.put(p.id(), scorer.prepare(p)));
        List<PreparedVacancy> open = vacancies.stream().filter(v -> v.isOpenOn(day)).map(scorer::prepare).toList();
        MatchRequest plain = MatchRequest.builder().openOn(day).build();
        double floor = matcher.minSkillFit();
        Set<NeverRecommendedReason> seen = new HashSet<>();
        for (NeverRecommended n : report.neverRecommended()) {
            PreparedProfile pp = pps.get(n.id());
            int eligible = 0;
            for (PreparedVacancy pv : open) {
                if (EngineVersusBruteForceTest.admits(pp, pv, plain, true) && EngineVersusBruteForceTest.skills(pp, pv) >= floor
                        && Scorer.score(pp, pv, matcher.weights()) >= minScore) {
                    eligible++;
                }
            }
            assertThat(n.eligible()).as("eligible count of " + n.id()).isEqualTo(eligible);
            NeverRecommendedReason expected;
            if (eligible > 0) {
                expected = NeverRecommendedReason.OUTRANKED;
            } else if (passes(pp, open, plain, floor)) {
                expected = NeverRecommendedReason.BELOW_MIN_SCORE;
            } else if (pp.profile().workAuthorization() == WorkAuthorization.NOT_ALLOWED) {
                expected = NeverRecommendedReason.NOT_ALLOWED_TO_WORK;
            } else if (passes(pp, open, plain.toBuilder().maxLanguageGap(6).build(), floor)) {
                expected = NeverRecommendedReason.LANGUAGE_GAP;
            } else if (passes(pp, open, plain.toBuilder().ignoreTravelLimit(true).build(), floor)) {
                expected = NeverRecommendedReason.TRAVEL_LIMIT;
            } else if (passes(pp, open, plain.toBuilder().ignoreTravelLimit(true).maxLanguageGap(6).build(), floor)) {
                expected = NeverRecommendedReason.LANGUAGE_GAP_AND_TRAVEL_LIMIT;
            } else if (passes(pp, open, plain.toBuilder().ignoreTravelLimit(true).maxLanguageGap(6).build(), 0)) {
                expected = NeverRecommendedReason.SKILL_FLOOR;
            } else {
                expected = NeverRecommendedReason.OTHER_HARD_FILTERS;
            }
            assertThat(n.reason()).as("reason of " + n.id()).isEqualTo(expected);
            seen.add(expected);
        }
        assertThat(seen).as("the world exercises several reasons").hasSizeGreaterThanOrEqualTo(2);
        int total = report.neverRecommendedByReason().values().stream().mapToInt(Integer::intValue).sum();
        assertThat(total).isEqualTo(report.neverRecommended().size());
    }

    /** Whether some open vacancy passes the request's hard filters and the skill floor for the profile. */
    private static boolean passes(PreparedProfile pp, List<PreparedVacancy> open, MatchRequest r, double floor) {
        return open.stream().anyMatch(pv -> EngineVersusBruteForceTest.admits(pp, pv, r, true)
                && EngineVersusBruteForceTest.skills(pp, pv) >= floor);
    }

    static Audit randomAudit(Random rnd) {
        int g = rnd.nextInt(100);
        String gender = g < 45 ? "F" : g < 90 ? "M" : g < 93 ? "X" : null;
        Integer birthYear = rnd.nextInt(10) == 0 ? null : 1955 + rnd.nextInt(52);
        String[] common = {"SY", "SY", "SY", "ER", "ER", "AF", "AF", "UA"};
        String[] rare = {"TR", "IR", "IQ", "SO", "YE"};
        int c = rnd.nextInt(100);
        String country = c < 90 ? common[rnd.nextInt(common.length)] : c < 97 ? rare[rnd.nextInt(rare.length)] : null;
        return new Audit(gender, birthYear, country);
    }

    private static String orUnknown(String s) {
        return s == null || s.isBlank() ? AuditReport.UNKNOWN : s;
    }

    private static String ageBand(Integer birthYear, int year) {
        if (birthYear == null) {
            return AuditReport.UNKNOWN;
        }
        int age = year - birthYear;
        return age < 25 ? "under 25" : age < 35 ? "25-34" : age < 45 ? "35-44" : age < 55 ? "45-54" : "55+";
    }
}
