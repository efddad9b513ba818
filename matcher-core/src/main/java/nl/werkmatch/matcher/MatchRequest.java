package nl.werkmatch.matcher;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

import nl.werkmatch.matcher.audit.Fairness;
import nl.werkmatch.matcher.model.JobType;
import nl.werkmatch.matcher.model.WorkAuthorization;
import nl.werkmatch.matcher.scoring.ScoringWeights;

/**
 * What to rank and how: page size and offset, filters on top of the hard ones, and whether to explain.
 *
 * <p>The hard filters are always on: work authorization (a PERMIT_REQUIRED candidate only where the vacancy
 * sponsors a work permit, NOT_ALLOWED never), accepted job types, overlapping hours, availability before the
 * vacancy closes, the vacancy not expired, the candidate's own travel limit, and a Dutch gap of at most
 * {@link #maxLanguageGap} levels per language skill. A consultant may relax the travel limit
 * ({@link #ignoreTravelLimit}) and widen the language gap.
 *
 * @param k how many matches to return, 1..1000
 * @param offset how many of the best to skip (paging); offset + k at most 10,000
 * @param withinKm only matches within this distance, or null
 * @param labourMarketRegions only matches whose other side lies in one of these regions (names), or empty
 * @param jobTypes only vacancies of these job types, or empty
 * @param workAuthorizations only candidates with one of these statuses, or empty
 * @param minScore only matches scoring at least this
 * @param openOn only vacancies open on this day; null means only vacancies not yet closed today
 * @param maxLanguageGap the largest Dutch gap allowed on any language skill, 0..6 (default 2)
 * @param requireEssentialSkills only candidates covering every essential skill of the vacancy
 * @param ignoreTravelLimit look beyond the candidate's own maximum travel distance
 * @param explain attach an explanation to each match
 * @param weights the component weights for this request, or null for the matcher's
 * @param fairness on a candidates page, a minimum share of a protected group in every prefix (FA*IR), or null
 * @param minSkillFit the skill floor: only pairs whose skills component (in [0, 1], before weighting) is at least
 *                    this, 0..1, or null for the matcher's (default {@link #DEFAULT_MIN_SKILL_FIT}); 0 turns it off
 * @param withTotal also count every match that passes the filters and {@code minScore} ({@link MatchPage#total()});
 *                  costs a pruned pass over the index, so it is off by default
 */
public record MatchRequest(int k, int offset, Double withinKm, Set<String> labourMarketRegions, Set<JobType> jobTypes,
                           Set<WorkAuthorization> workAuthorizations, double minScore, LocalDate openOn,
                           int maxLanguageGap, boolean requireEssentialSkills, boolean ignoreTravelLimit,
                           boolean explain, ScoringWeights weights, Fairness fairness,
                           Double minSkillFit, boolean withTotal) {

    public static final int MAX_K = 1000;
    public static final int MAX_WINDOW = 10_000;
    public static final int DEFAULT_MAX_LANGUAGE_GAP = 2;
    /**
     * The matcher's skill floor unless its builder sets another: a match needs at least this skills component. It
     * excludes every pair with no skill evidence and pairs whose only evidence is a token (a related link to one
     * optional skill of many); the README's score section gives the measurements behind the value.
     */
    public static final double DEFAULT_MIN_SKILL_FIT = 0.05;
    public static final MatchRequest DEFAULT = builder().build();

    /** Checks every value's range; throws InvalidInputException naming the field. */
    public MatchRequest {
        if (k < 1 || k > MAX_K) {
            throw new InvalidInputException("k", "must be between 1 and " + MAX_K + ", got " + k);
        }
        if (offset < 0 || offset + k > MAX_WINDOW) {
            throw new InvalidInputException("offset", "offset + k must lie in [0, " + MAX_WINDOW + "], got offset " + offset);
        }
        if (withinKm != null && !(withinKm >= 0 && withinKm <= 1000)) {
            throw new InvalidInputException("withinKm", "must be between 0 and 1000 km, got " + withinKm);
        }
        if (!(minScore >= 0 && minScore <= 1)) {
            throw new InvalidInputException("minScore", "must be between 0 and 1, got " + minScore);
        }
        if (minSkillFit != null && !(minSkillFit >= 0 && minSkillFit <= 1)) {
            throw new InvalidInputException("minSkillFit", "must be between 0 and 1, got " + minSkillFit);
        }
        if (maxLanguageGap < 0 || maxLanguageGap > 6) {
            throw new InvalidInputException("maxLanguageGap", "must be between 0 and 6, got " + maxLanguageGap);
        }
        labourMarketRegions = labourMarketRegions == null ? Set.of() : Set.copyOf(labourMarketRegions);
        jobTypes = jobTypes == null || jobTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(jobTypes));
        workAuthorizations = workAuthorizations == null || workAuthorizations.isEmpty() ? Set.of()
                : Set.copyOf(EnumSet.copyOf(workAuthorizations));
    }

    /** A builder with every setting at its default: the 10 best, no extra filters. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this request's values, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.k = k;
        b.offset = offset;
        b.withinKm = withinKm;
        b.labourMarketRegions.addAll(labourMarketRegions);
        b.jobTypes.addAll(jobTypes);
        b.workAuthorizations.addAll(workAuthorizations);
        b.minScore = minScore;
        b.openOn = openOn;
        b.maxLanguageGap = maxLanguageGap;
        b.requireEssentialSkills = requireEssentialSkills;
        b.ignoreTravelLimit = ignoreTravelLimit;
        b.explain = explain;
        b.weights = weights;
        b.fairness = fairness;
        b.minSkillFit = minSkillFit;
        b.withTotal = withTotal;
        return b;
    }

    /** Builds a request; every setting starts at its default. */
    public static final class Builder {
        private int k = 10;
        private int offset;
        private Double withinKm;
        private final Set<String> labourMarketRegions = new LinkedHashSet<>();
        private final Set<JobType> jobTypes = EnumSet.noneOf(JobType.class);
        private final Set<WorkAuthorization> workAuthorizations = EnumSet.noneOf(WorkAuthorization.class);
        private double minScore;
        private LocalDate openOn;
        private int maxLanguageGap = DEFAULT_MAX_LANGUAGE_GAP;
        private boolean requireEssentialSkills;
        private boolean ignoreTravelLimit;
        private boolean explain;
        private ScoringWeights weights;
        private Fairness fairness;
        private Double minSkillFit;
        private boolean withTotal;

        private Builder() {
        }

        /** How many matches a page holds; default 10. */
        public Builder k(int value) { this.k = value; return this; }
        /** How many of the best matches to skip (for the next page); default 0. */
        public Builder offset(int value) { this.offset = value; return this; }
        /** Only matches within this distance in km; null for any distance. */
        public Builder withinKm(Double value) { this.withinKm = value; return this; }
        /** Only matches in these labour market regions (by name); replaces earlier ones. */
        public Builder labourMarketRegions(Set<String> values) { labourMarketRegions.clear(); labourMarketRegions.addAll(values); return this; }
        /** Adds a labour market region (by name) matches must lie in. */
        public Builder labourMarketRegion(String value) { labourMarketRegions.add(value); return this; }
        /** Only vacancies of these kinds; empty for any. */
        public Builder jobTypes(Set<JobType> values) { jobTypes.clear(); jobTypes.addAll(values); return this; }
        /** Only candidates with one of these work authorizations; empty for any. */
        public Builder workAuthorizations(Set<WorkAuthorization> values) { workAuthorizations.clear(); workAuthorizations.addAll(values); return this; }
        /** Only matches scoring at least this; default 0. */
        public Builder minScore(double value) { this.minScore = value; return this; }
        /** Only vacancies open on this day; null for those not closed today. */
        public Builder openOn(LocalDate value) { this.openOn = value; return this; }
        /** The largest Dutch gap, in CEFR steps per language skill, a match may have; default 2. */
        public Builder maxLanguageGap(int value) { this.maxLanguageGap = value; return this; }
        /** Only candidates who cover every essential skill. */
        public Builder requireEssentialSkills(boolean value) { this.requireEssentialSkills = value; return this; }
        /** Also candidates beyond their own travel limit. */
        public Builder ignoreTravelLimit(boolean value) { this.ignoreTravelLimit = value; return this; }
        /** Whether each match carries its explanation (slower). */
        public Builder explain(boolean value) { this.explain = value; return this; }
        /** Weights for this request; null for the matcher's. */
        public Builder weights(ScoringWeights value) { this.weights = value; return this; }
        /** A fairness constraint on a candidates page; null (the default) for the plain ranking. */
        public Builder fairness(Fairness value) { this.fairness = value; return this; }
        /** Only pairs whose skills component is at least this (0 for no floor); null for the matcher's floor. */
        public Builder minSkillFit(Double value) { this.minSkillFit = value; return this; }
        /** Whether the page also says how many matches there are in all ({@link MatchPage#total()}); default no. */
        public Builder withTotal(boolean value) { this.withTotal = value; return this; }

        /** The request; throws InvalidInputException for a value out of range. */
        public MatchRequest build() {
            return new MatchRequest(k, offset, withinKm, labourMarketRegions, jobTypes, workAuthorizations, minScore,
                    openOn, maxLanguageGap, requireEssentialSkills, ignoreTravelLimit, explain, weights, fairness,
                    minSkillFit, withTotal);
        }
    }
}
