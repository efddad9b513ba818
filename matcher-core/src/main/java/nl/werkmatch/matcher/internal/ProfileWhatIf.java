package nl.werkmatch.matcher.internal;

import java.util.ArrayList;
import java.util.Arrays;
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
 * A change outside these groups would get a pass of its own.
 */
final class ProfileWhatIf {
    private final WhatIfEngine engine;
    private final SkillTaxonomy taxonomy;
    private final double minScore;
    private final PreparedProfile original;
    /** Every vacancy passing the hard filters but the skill floor, and a posting list per asked concept over it. */
    private final List<PreparedVacancy> filtered;
    private final Map<Integer, List<Integer>> asking = new HashMap<>();
    private final Map<String, Double> base = new HashMap<>();
    private List<PreparedVacancy> languageSet;
    private List<PreparedVacancy> limitSet;

    ProfileWhatIf(WhatIfEngine engine, SkillTaxonomy taxonomy, Profile p, double minScore) {
        this.engine = engine;
        this.taxonomy = taxonomy;
        this.minScore = minScore;
        this.original = engine.scorer().prepare(p).compact();
        this.filtered = engine.vacancies(original, 0, 0);
        for (int i = 0; i < filtered.size(); i++) {
            PreparedVacancy v = filtered.get(i);
            if (engine.admits(original, v)) {
                double s = engine.score(original, v);
                if (s >= minScore) {
                    base.put(v.id(), s);
                }
            }
            for (int c : distinctConcepts(v)) {
                asking.computeIfAbsent(c, k -> new ArrayList<>()).add(i);
            }
        }
    }

    /** Today's reachable vacancies, id to exact score. */
    Map<String, Double> base() {
        return base;
    }

    /**
     * The skills that vacancies passing every hard filter but the skill floor, and not reachable yet, ask for and
     * the person does not claim: the most asked for first, ties by id, at most {@code max}; the same list as
     * {@link ProfileAdvisor#skillsAskedFor}, read from the prepared forms instead of the records.
     */
    List<String> skillsAskedFor(Profile p, int max) {
        Set<String> claimed = new HashSet<>();
        for (SkillClaim s : p.skills()) {
            claimed.add(s.id());
        }
        Map<String, Integer> asked = new HashMap<>();
        for (PreparedVacancy v : filtered) {
            if (base.containsKey(v.id())) {
                continue;
            }
            for (int c : distinctConcepts(v)) {
                String id = taxonomy.conceptId(c);
                if (!claimed.contains(id)) {
                    asked.merge(id, 1, Integer::sum);
                }
            }
        }
        return asked.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(max).map(Map.Entry::getKey).toList();
    }

    private static int[] distinctConcepts(PreparedVacancy v) {
        return Arrays.stream(v.requiredArray()).distinct().toArray();
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
        if (!languages.isEmpty()) {
            languageSet = engine.vacancies(loosestLanguages(languages), minScore, engine.minSkillFit());
        }
        if (!limits.isEmpty()) {
            limitSet = engine.vacancies(loosestLimits(limits), minScore, engine.minSkillFit());
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
        boolean everything = q.education() != original.education();
        Set<Integer> affected = new HashSet<>();
        if (everything) {
            for (int i = 0; i < filtered.size(); i++) {
                affected.add(i);
            }
        } else {
            for (int c : changedConcepts(original, q)) {
                affected.addAll(asking.getOrDefault(c, List.of()));
            }
        }
        for (int i : affected) {
            PreparedVacancy v = filtered.get(i);
            after.remove(v.id());
            if (engine.admits(q, v)) {
                double s = engine.score(q, v);
                if (s >= minScore) {
                    after.put(v.id(), s);
                }
            }
        }
        return after;
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

    /** The union of the job types, hours and travel limits of the changes (and today's). */
    private PreparedProfile loosestLimits(List<PreparedProfile> changes) {
        int mask = original.jobTypeMask();
        int min = original.hours().min();
        int max = original.hours().max();
        Integer km = original.maxTravelKm();
        for (PreparedProfile q : changes) {
            mask = mask == 0 || q.jobTypeMask() == 0 ? 0 : mask | q.jobTypeMask();
            min = Math.min(min, q.hours().min());
            max = Math.max(max, q.hours().max());
            km = km == null || q.maxTravelKm() == null ? null : Math.max(km, q.maxTravelKm());
        }
        return original.withLimits(mask, new HoursRange(min, max), km);
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
