package nl.werkmatch.matcher.index;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.internal.PreparedProfile;
import nl.werkmatch.matcher.internal.PreparedVacancy;
import nl.werkmatch.matcher.internal.Scorer;
import nl.werkmatch.matcher.internal.WhatIfEngine;
import nl.werkmatch.matcher.scoring.ScoringWeights;

/**
 * The engine's side of advice ({@link TopKSearch#adviceReach}): reachable sets by the same pruned, exactly rescored
 * pass as a page's total, returned as prepared forms, and the request's pair filter, all with one resolved request
 * and one day, so that every set and every in-memory recheck of an advice sees the same filters. Public for
 * {@code Matcher} only.
 */
public final class AdviceReach implements WhatIfEngine {
    private final MatchRequest request;
    private final ScoringWeights weights;
    private final LocalDate today;
    private final Set<String> regions;
    private final Scorer scorer;
    private final BiFunction<PreparedProfile, MatchRequest, List<PreparedVacancy>> vacancies;
    private final BiFunction<PreparedVacancy, MatchRequest, List<PreparedProfile>> candidates;

    AdviceReach(MatchRequest request, ScoringWeights weights, LocalDate today, Set<String> regions, Scorer scorer,
                BiFunction<PreparedProfile, MatchRequest, List<PreparedVacancy>> vacancies,
                BiFunction<PreparedVacancy, MatchRequest, List<PreparedProfile>> candidates) {
        this.request = request;
        this.weights = weights;
        this.today = today;
        this.regions = regions;
        this.scorer = scorer;
        this.vacancies = vacancies;
        this.candidates = candidates;
    }

    @Override
    public List<PreparedVacancy> vacancies(PreparedProfile p, double minScore, double minSkillFit) {
        return vacancies.apply(p, request.toBuilder().minScore(minScore).minSkillFit(minSkillFit).build());
    }

    @Override
    public List<PreparedProfile> candidates(PreparedVacancy v, double minScore, double minSkillFit) {
        return candidates.apply(v, request.toBuilder().minScore(minScore).minSkillFit(minSkillFit).build());
    }

    @Override
    public boolean admits(PreparedProfile p, PreparedVacancy v) {
        return PairFilter.admits(p, v, request, today, regions, true);
    }

    @Override
    public double minSkillFit() {
        return request.minSkillFit();
    }

    @Override
    public ScoringWeights weights() {
        return weights;
    }

    @Override
    public double score(PreparedProfile p, PreparedVacancy v) {
        return Scorer.score(p, v, weights);
    }

    @Override
    public Scorer scorer() {
        return scorer;
    }
}
