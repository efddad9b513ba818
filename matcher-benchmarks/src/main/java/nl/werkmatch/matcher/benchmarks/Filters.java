package nl.werkmatch.matcher.benchmarks;

import java.time.LocalDate;

import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.model.LanguageSkill;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.internal.Rules;
import nl.werkmatch.matcher.internal.Scorer;
import nl.werkmatch.matcher.internal.PreparedProfile;
import nl.werkmatch.matcher.internal.PreparedVacancy;

/**
 * The hard filters of one pair, written against the public API as a team building a baseline would: the same
 * conditions as the engine's package-private {@code PairFilter} for requests without labour market regions,
 * job type / authorization restrictions, openOn or requireEssentialSkills (the benchmarks use none of those).
 * The skill floor is the request's, else the default one (the benchmarks' matchers keep the default).
 * {@code BaselineAgreementTest} checks that the baselines built on it return the engine's top k.
 */
final class Filters {
    private Filters() {
    }

    static boolean open(Vacancy v, LocalDate today) {
        return v.openUntil() == null || !v.openUntil().isBefore(today);
    }

    static boolean open(PreparedVacancy v, LocalDate today) {
        return v.openUntil() == null || !v.openUntil().isBefore(today);
    }

    static boolean admits(PreparedProfile pp, PreparedVacancy pv, MatchRequest r, LocalDate today) {
        PreparedProfile p = pp;
        PreparedVacancy v = pv;
        if (!Rules.authorized(p.workAuthorization(), v.permitSponsored())) {
            return false;
        }
        if (!p.accepts(v.jobType()) || !p.hours().overlaps(v.hours())) {
            return false;
        }
        if (p.availableFrom() != null && v.openUntil() != null
                && !Rules.availableInTime(p.availableFrom().toEpochDay(), v.openUntil().toEpochDay())) {
            return false;
        }
        if (!open(v, today)) {
            return false;
        }
        if (!v.remote()) {
            double km = Scorer.km(p.point(), v.point());
            if (r.withinKm() != null && km > r.withinKm()) {
                return false;
            }
            if (!r.ignoreTravelLimit() && p.maxTravelKm() != null && km > p.maxTravelKm()) {
                return false;
            }
        }
        for (LanguageSkill s : LanguageSkill.values()) {
            if (Scorer.languageGap(p, v, s) > r.maxLanguageGap()) {
                return false;
            }
        }
        double floor = r.minSkillFit() == null ? MatchRequest.DEFAULT_MIN_SKILL_FIT : r.minSkillFit();
        return Rules.meetsSkillFloor(Scorer.skillsValue(p, v), floor);
    }
}
