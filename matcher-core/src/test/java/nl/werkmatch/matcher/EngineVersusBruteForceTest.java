package nl.werkmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.werkmatch.matcher.geo.GeoPoint;
import nl.werkmatch.matcher.model.Cefr;
import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.model.LanguageSkill;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.model.WorkAuthorization;
import nl.werkmatch.matcher.scoring.Component;
import nl.werkmatch.matcher.scoring.EvidenceWeights;
import nl.werkmatch.matcher.internal.Scorer;
import nl.werkmatch.matcher.internal.PreparedProfile;
import nl.werkmatch.matcher.internal.PreparedVacancy;
import nl.werkmatch.matcher.scoring.ScoringWeights;

/**
 * The invariant of the ranking core: on random worlds, with random filters and weights, in both directions,
 * the engine's page equals the same page of a brute-force scan that scores every pair with {@link Scorer}
 * and filters it with an independent reading of the rules.
 */
class EngineVersusBruteForceTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void topKEqualsFullScanInBothDirections(long seed) {
        check(seed, EvidenceWeights.DEFAULT);
    }

    /** With a small cap on covered concepts, so that the cap decides credits. */
    @ParameterizedTest
    @ValueSource(longs = {7, 8, 9})
    void topKEqualsFullScanWithFewCoveredConceptsPerProfile(long seed) {
        EvidenceWeights d = EvidenceWeights.DEFAULT;
        check(seed, new EvidenceWeights(d.declared(), d.assessed(), d.certified(), d.inferred(), d.experienceEssential(),
                d.experienceImportant(), d.experienceOptional(), 4));
    }

    private void check(long seed, EvidenceWeights evidence) {
        RandomWorld world = new RandomWorld(seed);
        // the matcher's own floor applies to requests without one: the default, or a stricter one
        double matcherFloor = seed % 2 == 0 ? MatchRequest.DEFAULT_MIN_SKILL_FIT : 0.15;
        try (Matcher matcher = Matcher.builder().taxonomy(world.taxonomy).clock(TinyWorld.CLOCK).evidence(evidence)
                .minSkillFit(matcherFloor).build()) {
            List<Profile> profiles = world.profiles(300);
            List<Vacancy> vacancies = world.vacancies(200);
            RandomWorld.load(matcher, profiles, vacancies);
            Scorer scorer = RandomWorld.referenceScorer(matcher);
            List<PreparedProfile> pps = profiles.stream().map(scorer::prepare).toList();
            List<PreparedVacancy> pvs = vacancies.stream().map(scorer::prepare).toList();

            int nonEmpty = 0;
            // 60 requests: with random skill floors (up to 0.6) many pages are empty, and the check below needs
            // enough that are not
            for (int q = 0; q < 60; q++) {
                MatchRequest request = world.request();
                ScoringWeights w = request.weights() == null ? matcher.weights() : request.weights();
                double floor = request.minSkillFit() == null ? matcherFloor : request.minSkillFit();

                PreparedVacancy pv = world.pick(pvs);
                List<Scored> expected = new ArrayList<>();
                for (PreparedProfile pp : pps) {
                    if (admits(pp, pv, request, true) && skills(pp, pv) >= floor) {
                        double s = Scorer.score(pp, pv, w);
                        if (s >= request.minScore()) {
                            expected.add(new Scored(pp.id(), s));
                        }
                    }
                }
                MatchPage page = matcher.candidatesFor(pv.id(), request);
                check("candidates for " + pv.id() + " with " + request, page, expected, request);
                nonEmpty += page.matches().isEmpty() ? 0 : 1;

                PreparedProfile pp = world.pick(pps);
                expected = new ArrayList<>();
                for (PreparedVacancy v : pvs) {
                    if (admits(pp, v, request, false) && skills(pp, v) >= floor) {
                        double s = Scorer.score(pp, v, w);
                        if (s >= request.minScore()) {
                            expected.add(new Scored(v.id(), s));
                        }
                    }
                }
                page = matcher.vacanciesFor(pp.id(), request);
                check("vacancies for " + pp.id() + " with " + request, page, expected, request);
                nonEmpty += page.matches().isEmpty() ? 0 : 1;
            }
            assertThat(nonEmpty).as("the random requests must not all be empty").isGreaterThan(20);
        }
    }

    private record Scored(String id, double score) {
    }

    private static void check(String what, MatchPage page, List<Scored> expected, MatchRequest r) {
        expected.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::id));
        List<Scored> want = expected.subList(Math.min(r.offset(), expected.size()),
                Math.min(r.offset() + r.k(), expected.size()));
        assertThat(page.matches()).as(what).hasSameSizeAs(want);
        Map<String, Double> all = new java.util.HashMap<>();
        expected.forEach(s -> all.put(s.id(), s.score()));
        for (int i = 0; i < want.size(); i++) {
            Match m = page.matches().get(i);
            // the page is exact: by score, ties by id (scores the reference computes a rounding apart count as ties)
            assertThat(m.score()).as(what + " rank " + i).isCloseTo(want.get(i).score(), within(1e-12));
            if (Math.abs(m.score() - want.get(i).score()) == 0) {
                assertThat(m.id()).as(what + " rank " + i).isEqualTo(want.get(i).id());
            }
            assertThat(all).as(what + ": " + m.id() + " must pass the filters").containsKey(m.id());
            assertThat(m.score()).as(what + ": exact score of " + m.id()).isCloseTo(all.get(m.id()), within(1e-12));
            double sum = m.contributions().values().stream().mapToDouble(Double::doubleValue).sum();
            assertThat(sum).as("contributions sum to the score").isCloseTo(m.score(), within(1e-9));
            if (r.explain()) {
                assertThat(m.explanation()).isNotNull();
                assertThat(m.explanation().score()).isCloseTo(m.score(), within(1e-9));
                double explained = m.explanation().components().stream().mapToDouble(c -> c.contribution()).sum();
                assertThat(explained).isCloseTo(m.score(), within(1e-9));
            } else {
                assertThat(m.explanation()).isNull();
            }
        }
        assertThat(page.matches().stream().map(Match::id).distinct().count()).isEqualTo(page.matches().size());
        assertThat(page.matches()).allSatisfy(m -> assertThat(m.contributions()).containsOnlyKeys(Component.values()));
    }

    /**
     * The skills component summed here on its own, for the skill floor: each required concept's share times the
     * profile's credit for it.
     */
    static double skills(PreparedProfile pp, PreparedVacancy pv) {
        double sum = 0;
        for (int i = 0; i < pv.requiredCount(); i++) {
            sum += pv.share(i) * pp.credit(pv.requiredConcept(i));
        }
        return sum;
    }

    /** The filters of DESIGN.md and MatchRequest, read independently of the engine's own code. */
    static boolean admits(PreparedProfile pp, PreparedVacancy pv, MatchRequest r, boolean regionOfProfile) {
        Profile p = pp.profile();
        Vacancy v = pv.vacancy();
        switch (p.workAuthorization()) {
            case NOT_ALLOWED -> {
                return false;
            }
            case PERMIT_REQUIRED -> {
                if (!v.permitSponsored()) {
                    return false;
                }
            }
            case FREE -> { }
        }
        if (!r.workAuthorizations().isEmpty() && !r.workAuthorizations().contains(p.workAuthorization())) {
            return false;
        }
        if (!p.jobTypes().isEmpty() && !p.jobTypes().contains(v.jobType())) {
            return false;
        }
        if (!r.jobTypes().isEmpty() && !r.jobTypes().contains(v.jobType())) {
            return false;
        }
        if (p.hours().min() > v.hours().max() || v.hours().min() > p.hours().max()) {
            return false;
        }
        LocalDate today = RandomWorld.TODAY;
        if (v.openUntil() != null) {
            if (p.availableFrom() != null && p.availableFrom().isAfter(v.openUntil())) {
                return false;
            }
            if (r.openOn() == null && v.openUntil().isBefore(today)) {
                return false;
            }
        }
        if (r.openOn() != null) {
            if ((v.openFrom() != null && v.openFrom().isAfter(r.openOn()))
                    || (v.openUntil() != null && v.openUntil().isBefore(r.openOn()))) {
                return false;
            }
        }
        if (!v.remote()) {
            GeoPoint a = pp.point();
            GeoPoint b = pv.point();
            double km = a.distanceKm(b);
            if (r.withinKm() != null && km > r.withinKm()) {
                return false;
            }
            if (!r.ignoreTravelLimit() && p.maxTravelKm() != null && km > p.maxTravelKm()) {
                return false;
            }
        }
        boolean english = v.englishAccepted() != Cefr.NONE && p.english().compareTo(v.englishAccepted()) >= 0;
        if (!english) {
            for (LanguageSkill s : LanguageSkill.values()) {
                Cefr need = v.dutch().get(s);
                if (v.languageSupport() && need != Cefr.NONE) {
                    need = Cefr.values()[need.ordinal() - 1];
                }
                if (need.ordinal() - p.dutch().get(s).ordinal() > r.maxLanguageGap()) {
                    return false;
                }
            }
        }
        if (!r.labourMarketRegions().isEmpty()) {
            String region = regionOfProfile ? pp.location().region().name()
                    : pv.location() == null ? null : pv.location().region().name();
            if (region == null || !r.labourMarketRegions().contains(region)) {
                return false;
            }
        }
        if (r.requireEssentialSkills()) {
            for (int i = 0; i < pv.requiredCount(); i++) {
                if (pv.importance(i) == Importance.ESSENTIAL && pp.credit(pv.requiredConcept(i)) == 0) {
                    return false;
                }
            }
        }
        return p.workAuthorization() != WorkAuthorization.NOT_ALLOWED;
    }
}
