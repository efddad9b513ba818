package nl.werkmatch.matcher.benchmarks;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.advice.Advice;
import nl.werkmatch.matcher.advice.AdviceRequest;
import nl.werkmatch.matcher.internal.PreparedProfile;
import nl.werkmatch.matcher.internal.PreparedVacancy;
import nl.werkmatch.matcher.internal.ProfileAdvisor;
import nl.werkmatch.matcher.internal.Scorer;
import nl.werkmatch.matcher.internal.VacancyAdvisor;
import nl.werkmatch.matcher.json.ExchangeFormat;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.scoring.ScoringWeights;

/**
 * The advice baseline: the engine's own advisors (the same considered changes, the same ranking of suggestions),
 * but every reachable set, for the record and for each changed record, counted by a brute-force scan of every
 * prepared record with the exact {@link Scorer#score} and the {@link Filters}. This is the whole what-if re-run
 * the way a team without a counting index would: apply a change, prepare the changed record, scan everything.
 * Single-threaded like the engine.
 */
final class BruteForceAdvice {
    /** The advice's hard filters: the defaults of a plain match request (the person's own travel limit applies). */
    private static final MatchRequest FILTERS = MatchRequest.builder().build();
    /** The same without the skill floor: the engine's advisor reads which skills to try from these vacancies. */
    private static final MatchRequest FILTERS_WITHOUT_FLOOR = MatchRequest.builder().minSkillFit(0.0).build();

    private final Scorer scorer;
    private final ScoringWeights weights;
    private final LocalDate today;
    private final ExchangeFormat format;
    private final PreparedVacancy[] vacancies;
    private final PreparedProfile[] profiles;
    private final Map<String, Vacancy> vacancyById;

    /**
     * Either array may be empty when only the other direction is asked.
     *
     * @param vacancyById the records of the prepared vacancies (the profile side reads which skills they ask for)
     */
    BruteForceAdvice(Scorer scorer, ScoringWeights weights, LocalDate today, ExchangeFormat format,
                     PreparedVacancy[] vacancies, Map<String, Vacancy> vacancyById, PreparedProfile[] profiles) {
        this.scorer = scorer;
        this.weights = weights;
        this.today = today;
        this.format = format;
        this.vacancies = vacancies;
        this.profiles = profiles;
        this.vacancyById = vacancyById;
    }

    /** What a job seeker could change, every count by a scan of all vacancies. */
    Advice adviseProfile(Profile p, AdviceRequest r) {
        ProfileAdvisor advisor = new ProfileAdvisor(scorer.taxonomy(), this::reachableVacancies,
                id -> Optional.ofNullable(vacancyById.get(id)), format::toJson);
        return advisor.advise(p, r);
    }

    /** What an employer could relax, every count by a scan of all profiles. */
    Advice adviseVacancy(Vacancy v, AdviceRequest r) {
        VacancyAdvisor advisor = new VacancyAdvisor(scorer.taxonomy(), changed -> reachableCandidates(changed, r.minScore()),
                format::toJson);
        return advisor.advise(v, r);
    }

    /**
     * Open vacancies passing every hard filter for the profile (the skill floor only when {@code skillFloor}) and
     * scoring at least minScore: id to exact score.
     */
    Map<String, Double> reachableVacancies(Profile p, double minScore, boolean skillFloor) {
        PreparedProfile pp = scorer.prepare(p);
        MatchRequest filters = skillFloor ? FILTERS : FILTERS_WITHOUT_FLOOR;
        Map<String, Double> out = new HashMap<>();
        for (PreparedVacancy pv : vacancies) {
            if (Filters.admits(pp, pv, filters, today)) {
                double s = Scorer.score(pp, pv, weights);
                if (s >= minScore) {
                    out.put(pv.id(), s);
                }
            }
        }
        return out;
    }

    /** Profiles passing every hard filter for the (open) vacancy and scoring at least minScore: id to exact score. */
    Map<String, Double> reachableCandidates(Vacancy v, double minScore) {
        PreparedVacancy pv = scorer.prepare(v);
        Map<String, Double> out = new HashMap<>();
        if (!Filters.open(pv, today)) {
            return out;
        }
        for (PreparedProfile pp : profiles) {
            if (Filters.admits(pp, pv, FILTERS, today)) {
                double s = Scorer.score(pp, pv, weights);
                if (s >= minScore) {
                    out.put(pp.id(), s);
                }
            }
        }
        return out;
    }
}
