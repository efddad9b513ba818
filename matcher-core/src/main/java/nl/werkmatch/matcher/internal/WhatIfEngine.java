package nl.werkmatch.matcher.internal;

import java.util.List;

import nl.werkmatch.matcher.scoring.ScoringWeights;

/**
 * What the advisors' what-if needs from the engine: a few exact reachable sets of prepared forms (one pruned pass
 * each), and the hard filters and score to recheck changed records against those sets in memory. Every method
 * applies the advice's filters: the defaults of a plain match request, the person's own travel limit included.
 * The what-if relies on that: no region filter, and no filter that reads credits or importances other than the
 * skill floor (no {@code requireEssentialSkills}), so that a change of skills, importances or education can move
 * no hard filter but the floor.
 */
public interface WhatIfEngine {
    /**
     * Every open vacancy that passes the hard filters for the profile, with a skills component of at least
     * {@code minSkillFit}, and scores at least {@code minScore}, as compact prepared forms.
     */
    List<PreparedVacancy> vacancies(PreparedProfile p, double minScore, double minSkillFit);

    /** Every candidate for the vacancy, as {@link #vacancies} (an empty list for a vacancy that is not open). */
    List<PreparedProfile> candidates(PreparedVacancy v, double minScore, double minSkillFit);

    /** Whether the pair passes every hard filter of advice, the matcher's skill floor among them. */
    boolean admits(PreparedProfile p, PreparedVacancy v);

    /** The matcher's skill floor. */
    double minSkillFit();

    /** The matcher's weights. */
    ScoringWeights weights();

    /** The exact score of a pair with the matcher's weights. */
    double score(PreparedProfile p, PreparedVacancy v);

    /** The scorer that prepares changed records. */
    Scorer scorer();
}
