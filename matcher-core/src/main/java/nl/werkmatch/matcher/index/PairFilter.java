package nl.werkmatch.matcher.index;

import java.time.LocalDate;
import java.util.Set;

import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.model.LanguageSkill;
import nl.werkmatch.matcher.internal.Rules;
import nl.werkmatch.matcher.internal.Scorer;
import nl.werkmatch.matcher.internal.PreparedProfile;
import nl.werkmatch.matcher.internal.PreparedVacancy;

/**
 * The hard filters and a request's filters on one pair, evaluated directly. The compiled Lucene queries
 * express the same conditions; the engine also applies this to every hit it rescores, so a query that admits
 * too much can cost time but never a wrong result. The request's skill floor must be resolved (set) by the caller:
 * a request without one is refused, since the matcher's default would otherwise be skipped unnoticed. Public for the
 * cluster backend (matcher-opensearch), which applies the same filter to the hits it rescores.
 */
public final class PairFilter {
    private PairFilter() {
    }

    /**
     * @param regions canonical labour market region names the other side must lie in, or empty
     * @param regionOfProfile whether the region filter applies to the profile (candidates) or the vacancy
     */
    public static boolean admits(PreparedProfile p, PreparedVacancy v, MatchRequest r, LocalDate today, Set<String> regions,
                          boolean regionOfProfile) {
        if (!Rules.authorized(p.workAuthorization(), v.permitSponsored())) {
            return false;
        }
        if (!r.workAuthorizations().isEmpty() && !r.workAuthorizations().contains(p.workAuthorization())) {
            return false;
        }
        if (!p.accepts(v.jobType()) || (!r.jobTypes().isEmpty() && !r.jobTypes().contains(v.jobType()))) {
            return false;
        }
        if (!Rules.hoursOverlap(p.hours().min(), p.hours().max(), v.hours().min(), v.hours().max())) {
            return false;
        }
        if (p.availableFrom() != null && v.openUntil() != null
                && !Rules.availableInTime(p.availableFrom().toEpochDay(), v.openUntil().toEpochDay())) {
            return false;
        }
        if (!open(v, r, today)) {
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
        if (!regions.isEmpty()) {
            if (regionOfProfile) {
                if (!regions.contains(p.location().region().name())) {
                    return false;
                }
            } else if (v.location() == null || !regions.contains(v.location().region().name())) {
                return false;
            }
        }
        if (r.minSkillFit() == null) {
            throw new IllegalStateException("the request's skill floor is not resolved to the matcher's default");
        }
        if (!Rules.meetsSkillFloor(Scorer.skillsValue(p, v), r.minSkillFit())) {
            return false;
        }
        if (r.requireEssentialSkills()) {
            for (int i = 0; i < v.requiredCount(); i++) {
                if (v.importance(i) == Importance.ESSENTIAL && p.credit(v.requiredConcept(i)) <= 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Not closed before {@code today}; with {@code openOn} set, open on exactly that day. */
    public static boolean open(PreparedVacancy v, MatchRequest r, LocalDate today) {
        if (r.openOn() != null) {
            return v.isOpenOn(r.openOn());
        }
        return v.openUntil() == null || !v.openUntil().isBefore(today);
    }
}
