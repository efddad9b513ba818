package nl.werkmatch.matcher.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import nl.werkmatch.matcher.internal.AdviceEvaluation.Change;
import nl.werkmatch.matcher.model.Cefr;
import nl.werkmatch.matcher.model.HoursRange;
import nl.werkmatch.matcher.model.LanguageSkill;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.SkillClaim;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;

/**
 * The job seeker's what-if in a few engine passes instead of one per change, and still exact. Every considered
 * change alters one group of facts of the prepared profile, and for each group one pass gives a superset of what
 * any change of the group can reach; each changed profile is then checked against its superset in memory with the
 * exact hard filters and score:
 * <ul>
 * <li>skills and education (learning a skill, a recognised diploma) leave every hard filter but the skill floor as
 *     it is, so the vacancies passing the filters without the floor (one pass at score 0, which also tells which
 *     skills to try and gives today's reachable set) hold all a change can reach. A new skill changes the credit of
 *     a few concepts only; a vacancy asking for none of them keeps its score and its place in or out.</li>
 * <li>Dutch and English levels: the profile with, per language skill and for English, the highest level any of
 *     these changes reaches passes every language filter they pass and scores at least as high (the language fit
 *     never falls as a level rises), so its reachable set at the threshold holds theirs.</li>
 * <li>job types, hours, travel limit: the score reads none of them, so the profile that accepts the union of what
 *     these changes accept reaches a superset at the same scores.</li>
 * </ul>
 * The language and limit groups share one pass, at the loosest of both. A change outside these groups would get a
 * pass of its own.
 */
final class ProfileWhatIf {
    /** Slack for the float sums of the rescoring bound; the checks that decide are exact. */
    private static final double SLACK = 1e-9;
    private final WhatIfEngine engine;
    private final SkillTaxonomy taxonomy;
    private final double minScore;
    private final PreparedProfile original;
    /** Every vacancy passing the hard filters but the skill floor. */
    private final List<PreparedVacancy> filtered;
    /**
     * Per vacancy of {@link #filtered} the components a change of skills or education leaves as they are, so that
     * rescoring it reads no distance; {@link Scorer#combine} sums them back into the very same double.
     */
    private final double[] language;
    private final double[] distance;
    private final double[] preference;
    /** Per concept the vacancies of {@link #filtered} asking for it: positions from askStart[c] to askStart[c + 1]. */
    private final int[] askStart;
    private final int[] asking;
    /** The share of that concept in that vacancy's skills component, beside each entry of {@link #asking}. */
    private final double[] askShare;
    /** Per filtered vacancy the original's score, the skill floor aside, and whether it is reachable today. */
    private final double[] score0;
    private final boolean[] inBase;
    /** Per filtered vacancy, for one change: a bound on what the change adds to its skills component. */
    private final double[] gain;
    /** The vacancies one change touches, in the order first touched. */
    private final int[] order;
    /** Marks the vacancies already rescored for one change (its number), without clearing between changes. */
    private final int[] seen;
    private int mark;
    private final Map<String, Double> base = new HashMap<>();
    private List<PreparedVacancy> languageSet;
    private List<PreparedVacancy> limitSet;

    ProfileWhatIf(WhatIfEngine engine, SkillTaxonomy taxonomy, Profile p, double minScore) {
        this.engine = engine;
        this.taxonomy = taxonomy;
        this.minScore = minScore;
        this.original = engine.scorer().prepare(p).compact();
        this.filtered = engine.vacancies(original, 0, 0);
        int n = filtered.size();
        double pivot = engine.weights().distancePivotKm();
        language = new double[n];
        distance = new double[n];
        preference = new double[n];
        seen = new int[n];
        score0 = new double[n];
        inBase = new boolean[n];
        gain = new double[n];
        order = new int[n];
        askStart = new int[taxonomy.size() + 1];
        for (int i = 0; i < n; i++) {
            PreparedVacancy v = filtered.get(i);
            language[i] = Scorer.languageValue(original, v);
            distance[i] = Scorer.distanceValue(original, v, pivot);
            preference[i] = Scorer.preferenceValue(original, v);
            score0[i] = Scorer.combine(engine.weights(), Scorer.skillsValue(original, v), language[i], distance[i],
                    Scorer.levelValue(original, v), preference[i]);
            double s = rescore(original, i);
            if (s >= minScore) {
                base.put(v.id(), s);
                inBase[i] = true;
            }
            // a concept asked twice is listed twice; the rescoring marks what it has seen
            for (int c : v.requiredArray()) {
                askStart[c + 1]++;
            }
        }
        for (int c = 0; c < taxonomy.size(); c++) {
            askStart[c + 1] += askStart[c];
        }
        asking = new int[askStart[taxonomy.size()]];
        askShare = new double[asking.length];
        int[] fill = Arrays.copyOf(askStart, taxonomy.size());
        for (int i = 0; i < n; i++) {
            PreparedVacancy v = filtered.get(i);
            for (int k = 0; k < v.requiredCount(); k++) {
                int c = v.requiredConcept(k);
                askShare[fill[c]] = v.share(k);
                asking[fill[c]++] = i;
            }
        }
    }

    /**
     * The exact score of a profile that differs from the original in skills or education only, for the i-th
     * filtered vacancy, or -1 when it misses the skill floor: the only hard filter such a change can move (a
     * filtered vacancy passes every other for the original, and none of them reads credits or education).
     */
    private double rescore(PreparedProfile q, int i) {
        PreparedVacancy v = filtered.get(i);
        double skills = Scorer.skillsValue(q, v);
        if (!Rules.meetsSkillFloor(skills, engine.minSkillFit())) {
            return -1;
        }
        return Scorer.combine(engine.weights(), skills, language[i], distance[i], Scorer.levelValue(q, v), preference[i]);
    }

    /** Today's reachable vacancies, id to exact score. */
    Map<String, Double> base() {
        return base;
    }

    /** The career step towards an occupation (its dense index), or null; see {@link CareerSteps}. */
    nl.werkmatch.matcher.advice.CareerStep careerStep(Profile p, int occupation, String lang) {
        return new CareerSteps(engine, taxonomy, minScore).find(p, original, filtered, occupation, lang);
    }

    /**
     * The skills that vacancies passing every hard filter but the skill floor, and not reachable yet, ask for and
     * the person does not claim: the most asked for first, ties by id, at most {@code max}; the same list as
     * {@link ProfileAdvisor#skillsAskedFor}, read from the prepared forms instead of the records.
     */
    List<String> skillsAskedFor(Profile p, int max) {
        int[] count = new int[taxonomy.size()];
        int[] countedFor = new int[taxonomy.size()];
        for (int i = 0; i < filtered.size(); i++) {
            PreparedVacancy v = filtered.get(i);
            if (!base.containsKey(v.id())) {
                for (int c : v.requiredArray()) {
                    if (countedFor[c] != i + 1) {   // each vacancy counts a concept once
                        countedFor[c] = i + 1;
                        count[c]++;
                    }
                }
            }
        }
        for (SkillClaim s : p.skills()) {
            int c = taxonomy.indexOf(s.id());
            if (c >= 0) {
                count[c] = 0;
            }
        }
        List<Integer> asked = new ArrayList<>();
        for (int c = 0; c < count.length; c++) {
            if (count[c] > 0) {
                asked.add(c);
            }
        }
        return asked.stream()
                .sorted(Comparator.comparingInt((Integer c) -> count[c]).reversed().thenComparing(taxonomy::conceptId))
                .limit(max).map(taxonomy::conceptId).toList();
    }

    /** The exact reachable set of each change, in the order given. */
    Map<Change<Profile>, Map<String, Double>> evaluate(List<Change<Profile>> changes) {
        // by identity: the evaluation asks for each change object it was given
        List<PreparedProfile> prepared = new ArrayList<>();
        for (Change<Profile> c : changes) {
            prepared.add(engine.scorer().prepare(c.changed()).compact());
        }
        List<PreparedProfile> languages = new ArrayList<>();
        List<PreparedProfile> limits = new ArrayList<>();
        for (PreparedProfile q : prepared) {
            Group g = group(original, q);
            if (g == Group.LANGUAGE) {
                languages.add(q);
            } else if (g == Group.LIMITS) {
                limits.add(q);
            }
        }
        if (!languages.isEmpty() || !limits.isEmpty()) {
            // one pass for both groups: the profile at the loosest of both holds either group's superset, since
            // the limits are not in the score and the languages are in no filter but the Dutch gap
            PreparedProfile loosest = original;
            if (!languages.isEmpty()) {
                loosest = loosestLanguages(languages);
            }
            if (!limits.isEmpty()) {
                loosest = loosestLimits(loosest, limits);
            }
            languageSet = engine.vacancies(loosest, minScore, engine.minSkillFit());
            limitSet = languageSet;
        }
        Map<Change<Profile>, Map<String, Double>> out = new IdentityHashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            PreparedProfile q = prepared.get(i);
            out.put(changes.get(i), switch (group(original, q)) {
                case SCORE -> rescoreAffected(q);
                case LANGUAGE -> within(languageSet, q);
                case LIMITS -> within(limitSet, q);
                case OTHER -> within(engine.vacancies(q, minScore, engine.minSkillFit()), q);
            });
        }
        return out;
    }

    /** A change of skills or education: only vacancies asking for a concept whose credit changed are rescored. */
    private Map<String, Double> rescoreAffected(PreparedProfile q) {
        Map<String, Double> after = new HashMap<>(base);
        if (q.education() != original.education()) {
            for (int i = 0; i < filtered.size(); i++) {
                rescoreInto(after, q, i);
            }
            return after;
        }
        // bound what the change adds to each affected vacancy's skills component: the sum over its changed
        // concepts of share times the rise in credit (falls count 0)
        mark++;
        int touched = 0;
        for (int c : changedConcepts(original, q)) {
            double rise = Math.max(0, q.credit(c) - original.credit(c));
            for (int j = askStart[c]; j < askStart[c + 1]; j++) {
                int i = asking[j];
                if (seen[i] != mark) {
                    seen[i] = mark;
                    gain[i] = 0;
                    order[touched++] = i;
                }
                gain[i] += askShare[j] * rise;
            }
        }
        double w = engine.weights().skills();
        for (int t = 0; t < touched; t++) {
            int i = order[t];
            // out today and still short of the threshold at best: it stays out, no need to rescore it
            if (!inBase[i] && score0[i] + w * gain[i] + SLACK < minScore) {
                continue;
            }
            rescoreInto(after, q, i);
        }
        return after;
    }

    private void rescoreInto(Map<String, Double> after, PreparedProfile q, int i) {
        String id = filtered.get(i).id();
        double s = rescore(q, i);
        if (s >= minScore) {
            after.put(id, s);
        } else if (inBase[i]) {
            after.remove(id);
        }
    }

    /** Concepts whose credit differs between two prepared profiles (added, removed or changed). */
    private static Set<Integer> changedConcepts(PreparedProfile a, PreparedProfile b) {
        Set<Integer> out = new HashSet<>();
        for (int i = 0; i < a.coveredCount(); i++) {
            if (b.credit(a.coveredConcept(i)) != a.coveredCredit(i)) {
                out.add(a.coveredConcept(i));
            }
        }
        for (int i = 0; i < b.coveredCount(); i++) {
            if (a.credit(b.coveredConcept(i)) != b.coveredCredit(i)) {
                out.add(b.coveredConcept(i));
            }
        }
        return out;
    }

    private Map<String, Double> within(List<PreparedVacancy> superset, PreparedProfile q) {
        Map<String, Double> after = new HashMap<>();
        for (PreparedVacancy v : superset) {
            if (engine.admits(q, v)) {
                double s = engine.score(q, v);
                if (s >= minScore) {
                    after.put(v.id(), s);
                }
            }
        }
        return after;
    }

    /** Per language skill and for English the highest level of any of the changes (and today's). */
    private PreparedProfile loosestLanguages(List<PreparedProfile> changes) {
        Cefr[] dutch = original.dutchArray().clone();
        Cefr english = original.english();
        for (PreparedProfile q : changes) {
            for (LanguageSkill s : LanguageSkill.values()) {
                if (q.dutch(s).rank() > dutch[s.ordinal()].rank()) {
                    dutch[s.ordinal()] = q.dutch(s);
                }
            }
            if (q.english().rank() > english.rank()) {
                english = q.english();
            }
        }
        return original.withLanguages(dutch, english);
    }

    /** The union of the job types, hours and travel limits of the changes and of {@code from}. */
    private static PreparedProfile loosestLimits(PreparedProfile from, List<PreparedProfile> changes) {
        int mask = from.jobTypeMask();
        int min = from.hours().min();
        int max = from.hours().max();
        Integer km = from.maxTravelKm();
        for (PreparedProfile q : changes) {
            mask = mask == 0 || q.jobTypeMask() == 0 ? 0 : mask | q.jobTypeMask();
            min = Math.min(min, q.hours().min());
            max = Math.max(max, q.hours().max());
            km = km == null || q.maxTravelKm() == null ? null : Math.max(km, q.maxTravelKm());
        }
        return from.withLimits(mask, new HoursRange(min, max), km);
    }

    private enum Group { SCORE, LANGUAGE, LIMITS, OTHER }

    /** Which group of facts a changed profile differs in; OTHER when it differs in more than one or elsewhere. */
    static Group group(PreparedProfile a, PreparedProfile b) {
        boolean rest = a.id().equals(b.id()) && Objects.equals(a.location(), b.location())
                && a.workAuthorization() == b.workAuthorization() && Objects.equals(a.availableFrom(), b.availableFrom())
                && Arrays.equals(a.wantedArray(), b.wantedArray()) && a.wantedIscoGroups().equals(b.wantedIscoGroups())
                && a.wantedSectors().equals(b.wantedSectors());
        boolean skills = Arrays.equals(a.targetsArray(), b.targetsArray()) && Arrays.equals(a.creditsArray(), b.creditsArray())
                && a.education() == b.education();
        boolean languages = Arrays.equals(a.dutchArray(), b.dutchArray()) && a.english() == b.english();
        boolean limits = a.jobTypeMask() == b.jobTypeMask() && a.hours().equals(b.hours())
                && Objects.equals(a.maxTravelKm(), b.maxTravelKm());
        if (!rest) {
            return Group.OTHER;
        }
        if (languages && limits) {
            return Group.SCORE;
        }
        if (skills && limits) {
            return Group.LANGUAGE;
        }
        if (skills && languages) {
            return Group.LIMITS;
        }
        return Group.OTHER;
    }
}
