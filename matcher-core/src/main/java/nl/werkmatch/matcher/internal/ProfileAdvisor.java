package nl.werkmatch.matcher.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import nl.werkmatch.matcher.internal.AdviceEvaluation.Change;

import nl.werkmatch.matcher.advice.Advice;
import nl.werkmatch.matcher.advice.AdviceRequest;
import nl.werkmatch.matcher.advice.SuggestionKind;
import nl.werkmatch.matcher.model.Cefr;
import nl.werkmatch.matcher.model.DutchLevels;
import nl.werkmatch.matcher.model.Education;
import nl.werkmatch.matcher.model.EducationLevel;
import nl.werkmatch.matcher.model.Evidence;
import nl.werkmatch.matcher.model.HoursRange;
import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.model.JobType;
import nl.werkmatch.matcher.model.LanguageSkill;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.SkillClaim;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;

/**
 * Advice for a job seeker, exact by construction: every considered change is applied to the profile and its
 * reachable vacancies are counted exactly, so {@code reachable}, {@code unlocks} and {@code loses} are what matching
 * with the changed profile would give. With a {@link WhatIfEngine} (the matcher's) the counts come from a few engine
 * passes and exact checks in memory ({@link ProfileWhatIf}), and a wanted occupation adds a career step; with a
 * {@link Reach} (the benchmarks' brute-force baseline) every count is a reachable set of its own. Both consider the
 * same changes in the same order. Public for {@code Matcher} only; this package is not exported.
 *
 * <p>The changes considered: each skill that vacancies passing the hard filters (the skill floor aside) but not yet
 * reachable ask for (the
 * {@value #MAX_SKILLS} most asked for, ties by id), learned with a certificate; the next Dutch level on each
 * language skill below C2, and on all four at once; each English level above the current one; recognition of an
 * unrecognised diploma; each job type a person who limits their job types does not accept yet; hours widened by
 * {@value #HOURS_STEP} a week on both ends; and the next travel distance of 10, 25, 40, 60 km above the current
 * limit. An English level that reaches exactly the vacancies (with the same scores) the level below it reaches is
 * left out.
 */
public final class ProfileAdvisor {
    /** At most this many skills are tried. */
    public static final int MAX_SKILLS = 40;
    static final int HOURS_STEP = 8;
    static final int[] TRAVEL_STEPS = {10, 25, 40, 60};

    /**
     * The engine's exact reachable set: vacancy id to exact score, for a profile and a threshold, with the
     * matcher's skill floor or (for the vacancies a new skill could open) without it.
     */
    public interface Reach {
        Map<String, Double> reachable(Profile profile, double minScore, boolean skillFloor);
    }

    private final SkillTaxonomy taxonomy;
    private final Reach reach;
    private final Function<String, Optional<Vacancy>> vacancies;
    private final WhatIfEngine engine;
    private final Function<Profile, JsonNode> json;

    /**
     * The plain what-if: every count, today's and each change's, by a reachable set of its own.
     *
     * @param vacancies reads a stored vacancy by id (to learn which skills unreached vacancies ask for)
     * @param json      the profile's exchange-format JSON, which the patches apply to
     */
    public ProfileAdvisor(SkillTaxonomy taxonomy, Reach reach, Function<String, Optional<Vacancy>> vacancies,
                          Function<Profile, JsonNode> json) {
        this.taxonomy = taxonomy;
        this.reach = reach;
        this.vacancies = vacancies;
        this.engine = null;
        this.json = json;
    }

    /** The engine's what-if: a few passes for supersets, each change checked exactly in memory ({@link ProfileWhatIf}). */
    public ProfileAdvisor(SkillTaxonomy taxonomy, WhatIfEngine engine, Function<Profile, JsonNode> json) {
        this.taxonomy = taxonomy;
        this.reach = null;
        this.vacancies = null;
        this.engine = engine;
        this.json = json;
    }

    /** The advice for a valid profile. */
    public Advice advise(Profile p, AdviceRequest r) {
        String lang = r.language() == null ? taxonomy.defaultLanguage() : r.language();
        Set<SuggestionKind> ladders = Set.of(SuggestionKind.ENGLISH_LEVEL);
        if (engine != null) {
            ProfileWhatIf whatIf = new ProfileWhatIf(engine, taxonomy, p, r.minScore());
            List<Change<Profile>> changes = changes(p, whatIf.skillsAskedFor(p, MAX_SKILLS), lang);
            Advice advice = AdviceEvaluation.evaluate(p.id(), r, whatIf.base(), p, changes,
                    whatIf.evaluate(changes)::get, json, ladders);
            return r.occupation() == null ? advice
                    : advice.withCareerStep(whatIf.careerStep(p, taxonomy.occupationIndexOf(r.occupation()), lang));
        }
        Map<String, Double> base = reach.reachable(p, r.minScore(), true);
        return AdviceEvaluation.evaluate(p.id(), r, base, p, changes(p, skillsAskedFor(p, base), lang),
                c -> reach.reachable(c.changed(), r.minScore(), true), json, ladders);
    }

    /** Every change considered for this profile, in a fixed order, with the skills to try. */
    List<Change<Profile>> changes(Profile p, List<String> skillsToTry, String lang) {
        List<Change<Profile>> out = new ArrayList<>();
        for (String skill : skillsToTry) {
            int c = taxonomy.indexOf(skill);
            List<SkillClaim> skills = new ArrayList<>(p.skills());
            skills.add(new SkillClaim(skill, Evidence.CERTIFIED));
            out.add(new Change<>(SuggestionKind.LEARN_SKILL, "Learn " + taxonomy.label(c, lang) + " (with a certificate)",
                    p.toBuilder().skills(skills).build()));
        }
        int belowTop = 0;
        for (LanguageSkill s : LanguageSkill.values()) {
            Cefr has = p.dutch().get(s);
            if (has != Cefr.C2) {
                belowTop++;
                Cefr next = Cefr.ofRank(has.rank() + 1);
                out.add(new Change<>(SuggestionKind.DUTCH_LEVEL, "Reach " + next + " in Dutch " + AdviceChanges.name(s) + " (now "
                        + level(has) + ")", p.toBuilder().dutch(AdviceChanges.with(p.dutch(), s, next)).build()));
            }
        }
        if (belowTop > 1) {
            DutchLevels up = p.dutch();
            for (LanguageSkill s : LanguageSkill.values()) {
                up = AdviceChanges.with(up, s, Cefr.ofRank(up.get(s).rank() + 1));
            }
            out.add(new Change<>(SuggestionKind.DUTCH_ALL, "Reach one Dutch level more on all four language skills ("
                    + levels(up) + ")", p.toBuilder().dutch(up).build()));
        }
        for (int rank = p.english().rank() + 1; rank <= Cefr.C2.rank(); rank++) {
            Cefr e = Cefr.ofRank(rank);
            out.add(new Change<>(SuggestionKind.ENGLISH_LEVEL, "Reach " + e + " in English (now " + level(p.english()) + ")",
                    p.toBuilder().english(e).build()));
        }
        Education ed = p.education();
        if (ed.level() != EducationLevel.NONE && !ed.recognized()) {
            out.add(new Change<>(SuggestionKind.DIPLOMA_RECOGNITION, "Get the " + ed.level() + " diploma recognised",
                    p.toBuilder().education(ed.level(), true).build()));
        }
        if (!p.jobTypes().isEmpty()) {
            for (JobType t : JobType.values()) {
                if (!p.jobTypes().contains(t)) {
                    Set<JobType> types = EnumSet.copyOf(p.jobTypes());
                    types.add(t);
                    out.add(new Change<>(SuggestionKind.JOB_TYPE, "Also accept " + AdviceChanges.name(t) + " work",
                            p.toBuilder().jobTypes(types).build()));
                }
            }
        }
        HoursRange h = p.hours();
        HoursRange wider = new HoursRange(Math.max(0, h.min() - HOURS_STEP), Math.min(HoursRange.MAX_HOURS, h.max() + HOURS_STEP));
        if (!wider.equals(h)) {
            out.add(new Change<>(SuggestionKind.HOURS, "Accept " + wider.min() + "-" + wider.max() + " hours a week (now "
                    + h.min() + "-" + h.max() + ")", p.toBuilder().hours(wider).build()));
        }
        if (p.maxTravelKm() != null) {
            for (int km : TRAVEL_STEPS) {
                if (km > p.maxTravelKm()) {
                    out.add(new Change<>(SuggestionKind.TRAVEL_DISTANCE, "Travel up to " + km + " km (now "
                            + p.maxTravelKm() + " km)", p.toBuilder().maxTravelKm(km).build()));
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The skills that vacancies passing every hard filter but the skill floor, and not reachable yet, ask for (their own skills, or their
     * occupation's when they list none) and the person does not claim: the most asked for first, ties by id, at
     * most {@link #MAX_SKILLS}.
     */
    List<String> skillsAskedFor(Profile p, Map<String, Double> base) {
        Set<String> claimed = p.skills().stream().map(SkillClaim::id).collect(Collectors.toSet());
        Map<String, Integer> asked = new HashMap<>();
        // without the skill floor: a vacancy below it for lack of skills is just what a new skill may open
        for (String id : reach.reachable(p, 0, false).keySet()) {
            if (base.containsKey(id)) {
                continue;
            }
            Optional<Vacancy> v = vacancies.apply(id);
            if (v.isEmpty()) {
                continue;   // deleted since; it cannot be unlocked
            }
            for (String skill : requiredSkills(v.get())) {
                if (!claimed.contains(skill)) {
                    asked.merge(skill, 1, Integer::sum);
                }
            }
        }
        return asked.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_SKILLS).map(Map.Entry::getKey).toList();
    }

    /** The skill ids a vacancy asks for: its own, or its occupation's when it lists none. */
    public Set<String> requiredSkills(Vacancy v) {
        Set<String> out = new HashSet<>();
        if (!v.skills().isEmpty()) {
            v.skills().forEach(s -> out.add(s.id()));
        } else if (v.occupation() != null) {
            int o = taxonomy.occupationIndexOf(v.occupation());
            for (Importance imp : Importance.values()) {
                for (int c : taxonomy.occupationSkills(o, imp)) {
                    out.add(taxonomy.conceptId(c));
                }
            }
        }
        return out;
    }


    private static String levels(DutchLevels d) {
        List<String> parts = new ArrayList<>();
        for (LanguageSkill s : LanguageSkill.values()) {
            parts.add(AdviceChanges.name(s) + " " + level(d.get(s)));
        }
        return String.join(", ", parts);
    }

    private static String level(Cefr c) {
        return c == Cefr.NONE ? "none" : c.name();
    }

}
