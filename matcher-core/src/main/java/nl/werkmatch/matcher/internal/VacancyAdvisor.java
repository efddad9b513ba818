package nl.werkmatch.matcher.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import nl.werkmatch.matcher.advice.Advice;
import nl.werkmatch.matcher.advice.AdviceRequest;
import nl.werkmatch.matcher.advice.SuggestionKind;
import nl.werkmatch.matcher.internal.AdviceEvaluation.Change;
import nl.werkmatch.matcher.model.Cefr;
import nl.werkmatch.matcher.model.DutchLevels;
import nl.werkmatch.matcher.model.EducationLevel;
import nl.werkmatch.matcher.model.HoursRange;
import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.model.LanguageSkill;
import nl.werkmatch.matcher.model.SkillRequirement;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;

/**
 * Advice for an employer, exact the same way as {@link ProfileAdvisor}: every considered change of the vacancy is
 * recounted with the engine's exact reachable set of candidates. Public for {@code Matcher} only.
 *
 * <p>The changes considered: one Dutch level lower on each language skill that asks for one; language support on
 * the work floor; English accepted at each level below the one accepted now (strictest first; a level that reaches
 * exactly what the stricter one reaches is left out); each essential skill made important (for a vacancy that asks
 * for its occupation's skills, the patch lists them); one education level lower; sponsoring a work permit; hours
 * widened by 8 a week on both ends.
 */
public final class VacancyAdvisor {
    private final SkillTaxonomy taxonomy;
    private final Function<Vacancy, Map<String, Double>> reach;
    private final WhatIfEngine engine;
    private final Function<Vacancy, JsonNode> json;

    /**
     * The plain what-if: every count, today's and each change's, by a reachable set of its own.
     *
     * @param reach the exact reachable candidates (id to exact score) for a vacancy at the request's threshold
     * @param json  the vacancy's exchange-format JSON, which the patches apply to
     */
    public VacancyAdvisor(SkillTaxonomy taxonomy, Function<Vacancy, Map<String, Double>> reach,
                          Function<Vacancy, JsonNode> json) {
        this.taxonomy = taxonomy;
        this.reach = reach;
        this.engine = null;
        this.json = json;
    }

    /** The engine's what-if: a few passes for supersets, each change checked exactly in memory ({@link VacancyWhatIf}). */
    public VacancyAdvisor(SkillTaxonomy taxonomy, WhatIfEngine engine, Function<Vacancy, JsonNode> json) {
        this.taxonomy = taxonomy;
        this.reach = null;
        this.engine = engine;
        this.json = json;
    }

    /** The advice for a valid vacancy. */
    public Advice advise(Vacancy v, AdviceRequest r) {
        String lang = r.language() == null ? taxonomy.defaultLanguage() : r.language();
        Set<SuggestionKind> ladders = Set.of(SuggestionKind.ACCEPT_ENGLISH);
        List<Change<Vacancy>> changes = changes(v, lang);
        if (engine != null) {
            VacancyWhatIf whatIf = new VacancyWhatIf(engine, v, r.minScore(), changes);
            return AdviceEvaluation.evaluate(v.id(), r, whatIf.base(), v, changes, whatIf.evaluate()::get, json, ladders);
        }
        return AdviceEvaluation.evaluate(v.id(), r, reach.apply(v), v, changes, c -> reach.apply(c.changed()), json,
                ladders);
    }

    List<Change<Vacancy>> changes(Vacancy v, String lang) {
        List<Change<Vacancy>> out = new ArrayList<>();
        for (LanguageSkill s : LanguageSkill.values()) {
            Cefr asked = v.dutch().get(s);
            if (asked != Cefr.NONE) {
                out.add(new Change<>(SuggestionKind.LOWER_DUTCH, "Ask " + level(asked.lower()) + " instead of " + asked
                        + " for Dutch " + AdviceChanges.name(s), v.toBuilder().dutch(AdviceChanges.with(v.dutch(), s, asked.lower())).build()));
            }
        }
        if (!v.languageSupport()) {
            out.add(new Change<>(SuggestionKind.LANGUAGE_SUPPORT, "Offer language support on the work floor",
                    v.toBuilder().languageSupport(true).build()));
        }
        int stricter = v.englishAccepted() == Cefr.NONE ? Cefr.C2.rank() + 1 : v.englishAccepted().rank();
        for (int rank = stricter - 1; rank >= Cefr.A1.rank(); rank--) {
            Cefr e = Cefr.ofRank(rank);
            out.add(new Change<>(SuggestionKind.ACCEPT_ENGLISH, "Accept English at " + e + " instead of the Dutch asked for",
                    v.toBuilder().englishAccepted(e).build()));
        }
        Map<String, Importance> skills = effectiveSkills(v);
        for (Map.Entry<String, Importance> e : skills.entrySet()) {
            if (e.getValue() == Importance.ESSENTIAL) {
                List<SkillRequirement> changed = new ArrayList<>();
                skills.forEach((id, imp) -> changed.add(new SkillRequirement(id,
                        id.equals(e.getKey()) ? Importance.IMPORTANT : imp)));
                out.add(new Change<>(SuggestionKind.ESSENTIAL_TO_IMPORTANT, "Make "
                        + taxonomy.label(taxonomy.indexOf(e.getKey()), lang) + " important instead of essential",
                        v.toBuilder().skills(changed).build()));
            }
        }
        if (v.educationLevel() != EducationLevel.NONE) {
            EducationLevel lower = EducationLevel.values()[v.educationLevel().ordinal() - 1];
            out.add(new Change<>(SuggestionKind.LOWER_EDUCATION, lower == EducationLevel.NONE
                    ? "Ask no education level instead of " + v.educationLevel()
                    : "Ask " + lower + " instead of " + v.educationLevel(), v.toBuilder().educationLevel(lower).build()));
        }
        if (!v.permitSponsored()) {
            out.add(new Change<>(SuggestionKind.SPONSOR_PERMIT, "Sponsor a work permit (TWV) for candidates who need one",
                    v.toBuilder().permitSponsored(true).build()));
        }
        HoursRange h = v.hours();
        HoursRange wider = new HoursRange(Math.max(0, h.min() - ProfileAdvisor.HOURS_STEP),
                Math.min(HoursRange.MAX_HOURS, h.max() + ProfileAdvisor.HOURS_STEP));
        if (!wider.equals(h)) {
            out.add(new Change<>(SuggestionKind.HOURS, "Offer " + wider.min() + "-" + wider.max() + " hours a week (now "
                    + h.min() + "-" + h.max() + ")", v.toBuilder().hours(wider).build()));
        }
        return out;
    }

    /** The skills the vacancy asks for, in order: its own, or its occupation's (at their relevance) when it lists none. */
    private Map<String, Importance> effectiveSkills(Vacancy v) {
        Map<String, Importance> out = new LinkedHashMap<>();
        if (!v.skills().isEmpty()) {
            v.skills().forEach(s -> out.put(s.id(), s.importance()));
        } else if (v.occupation() != null) {
            int o = taxonomy.occupationIndexOf(v.occupation());
            for (Importance imp : Importance.values()) {
                for (int c : taxonomy.occupationSkills(o, imp)) {
                    out.putIfAbsent(taxonomy.conceptId(c), imp);
                }
            }
        }
        return out;
    }


    private static String level(Cefr c) {
        return c == Cefr.NONE ? "no level" : c.name();
    }

}
