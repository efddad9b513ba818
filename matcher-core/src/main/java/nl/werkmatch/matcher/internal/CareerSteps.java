package nl.werkmatch.matcher.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import nl.werkmatch.matcher.advice.CareerStep;
import nl.werkmatch.matcher.model.Evidence;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.SkillClaim;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;

/**
 * Finds the career step towards a wanted occupation: the smallest set of skills, at most {@value #MAX_SKILLS},
 * among the skills the occupation's vacancies passing the hard filters (the skill floor aside) ask for, that makes
 * at least one of them reachable; of the sets that size the one opening the most, ties by the ids in order.
 *
 * <p>Exact: every set tried is applied to the profile, prepared and checked with the exact hard filters and score.
 * Sets are skipped only when they provably cannot open a vacancy: learning skills never lowers a vacancy's other
 * components, and raises its skills component by at most the sum of what each skill alone raises it by (a credit is
 * the best of the claims covering the concept, and a profile with more claims keeps no concept that the one with
 * fewer drops), so a set whose bound stays below the threshold or the skill floor for every vacancy is not prepared.
 */
final class CareerSteps {
    static final int MAX_SKILLS = 3;
    private static final int EXAMPLES = 3;
    /** Slack for the float sums of the bound; the check that decides is the exact one. */
    private static final double SLACK = 1e-9;

    private final WhatIfEngine engine;
    private final SkillTaxonomy taxonomy;
    private final double minScore;

    CareerSteps(WhatIfEngine engine, SkillTaxonomy taxonomy, double minScore) {
        this.engine = engine;
        this.taxonomy = taxonomy;
        this.minScore = minScore;
    }

    /**
     * @param filtered the vacancies passing every hard filter for the profile but the skill floor
     * @return the step, or null when no set of up to three skills opens a vacancy of the occupation
     */
    CareerStep find(Profile p, PreparedProfile prepared, List<PreparedVacancy> filtered, int occupation, String lang) {
        List<PreparedVacancy> targets = new ArrayList<>();
        for (PreparedVacancy v : filtered) {
            if (v.occupation() == occupation) {
                targets.add(v);
            }
        }
        Set<String> claimed = new HashSet<>();
        for (SkillClaim c : p.skills()) {
            claimed.add(c.id());
        }
        TreeSet<String> asked = new TreeSet<>();
        for (PreparedVacancy v : targets) {
            for (int i = 0; i < v.requiredCount(); i++) {
                String id = taxonomy.conceptId(v.requiredConcept(i));
                if (!claimed.contains(id)) {
                    asked.add(id);
                }
            }
        }
        List<String> skills = new ArrayList<>(asked);
        List<String> none = List.of();
        List<PreparedVacancy> opened = opened(prepared, targets);
        if (!opened.isEmpty()) {
            return step(occupation, lang, none, prepared, opened);
        }
        // what each skill alone adds to each target's skills component: the bound's terms
        double[][] gain = new double[skills.size()][targets.size()];
        for (int s = 0; s < skills.size(); s++) {
            PreparedProfile one = prepare(p, List.of(skills.get(s)));
            for (int t = 0; t < targets.size(); t++) {
                PreparedVacancy v = targets.get(t);
                double g = 0;
                for (int i = 0; i < v.requiredCount(); i++) {
                    int c = v.requiredConcept(i);
                    g += v.share(i) * Math.max(0, one.credit(c) - prepared.credit(c));
                }
                gain[s][t] = g;
            }
        }
        double[] score = new double[targets.size()];
        double[] skillsValue = new double[targets.size()];
        for (int t = 0; t < targets.size(); t++) {
            score[t] = engine.score(prepared, targets.get(t));
            skillsValue[t] = Scorer.skillsValue(prepared, targets.get(t));
        }
        double w = engine.weights().skills();
        for (int size = 1; size <= MAX_SKILLS && size <= skills.size(); size++) {
            List<String> best = null;
            List<PreparedVacancy> bestOpened = List.of();
            PreparedProfile bestProfile = null;
            int[] pick = new int[size];
            for (int i = 0; i < size; i++) {
                pick[i] = i;
            }
            while (true) {
                if (mayOpen(pick, gain, score, skillsValue, w)) {
                    List<String> set = new ArrayList<>(size);
                    for (int i : pick) {
                        set.add(skills.get(i));
                    }
                    PreparedProfile q = prepare(p, set);
                    List<PreparedVacancy> o = opened(q, targets);
                    // sets come in order of their ids, so the first of the most opened wins ties
                    if (o.size() > bestOpened.size()) {
                        best = set;
                        bestOpened = o;
                        bestProfile = q;
                    }
                }
                if (!next(pick, skills.size())) {
                    break;
                }
            }
            if (best != null) {
                return step(occupation, lang, best, bestProfile, bestOpened);
            }
        }
        return null;
    }

    /** Whether the bound lets some target reach both the threshold and the skill floor with these skills. */
    private boolean mayOpen(int[] pick, double[][] gain, double[] score, double[] skillsValue, double w) {
        for (int t = 0; t < score.length; t++) {
            double g = 0;
            for (int s : pick) {
                g += gain[s][t];
            }
            if (score[t] + w * g + SLACK >= minScore && skillsValue[t] + g + SLACK >= engine.minSkillFit()) {
                return true;
            }
        }
        return false;
    }

    /** The next combination of {@code pick.length} indexes below n in lexicographic order; false after the last. */
    private static boolean next(int[] pick, int n) {
        int k = pick.length;
        int i = k - 1;
        while (i >= 0 && pick[i] == n - k + i) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        pick[i]++;
        for (int j = i + 1; j < k; j++) {
            pick[j] = pick[j - 1] + 1;
        }
        return true;
    }

    private PreparedProfile prepare(Profile p, List<String> learned) {
        List<SkillClaim> claims = new ArrayList<>(p.skills());
        for (String id : learned) {
            claims.add(new SkillClaim(id, Evidence.CERTIFIED));
        }
        return engine.scorer().prepare(p.toBuilder().skills(claims).build()).compact();
    }

    private List<PreparedVacancy> opened(PreparedProfile q, List<PreparedVacancy> targets) {
        List<PreparedVacancy> out = new ArrayList<>();
        for (PreparedVacancy v : targets) {
            if (engine.admits(q, v) && engine.score(q, v) >= minScore) {
                out.add(v);
            }
        }
        return out;
    }

    private CareerStep step(int occupation, String lang, List<String> skills, PreparedProfile q,
                            List<PreparedVacancy> opened) {
        List<CareerStep.Skill> named = new ArrayList<>();
        for (String id : skills) {
            named.add(new CareerStep.Skill(id, taxonomy.label(taxonomy.indexOf(id), lang)));
        }
        List<String> examples = opened.stream()
                .sorted(Comparator.comparingDouble((PreparedVacancy v) -> engine.score(q, v)).reversed()
                        .thenComparing(PreparedVacancy::id))
                .limit(EXAMPLES).map(PreparedVacancy::id).toList();
        return new CareerStep(taxonomy.occupationId(occupation), taxonomy.occupationLabel(occupation, lang), named,
                opened.size(), examples);
    }
}
