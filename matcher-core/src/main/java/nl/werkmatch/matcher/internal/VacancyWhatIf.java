package nl.werkmatch.matcher.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import nl.werkmatch.matcher.internal.AdviceEvaluation.Change;
import nl.werkmatch.matcher.model.Cefr;
import nl.werkmatch.matcher.model.HoursRange;
import nl.werkmatch.matcher.model.LanguageSkill;
import nl.werkmatch.matcher.model.Vacancy;

/**
 * The employer's what-if in a few engine passes, exact the same way as {@link ProfileWhatIf}: each considered change
 * alters one group of the prepared vacancy's facts, one pass per group gives a superset of what its changes can
 * reach, and each changed vacancy is checked against it in memory with the exact filters and score.
 * <ul>
 * <li>skill importances and the education level leave every hard filter but the skill floor as it is and raise a
 *     candidate's score by a bounded amount: the level component by at most its weight; the skills component, the
 *     concepts staying the same, by at most the factor {@code rho}, the largest ratio of a new share to the old one
 *     ({@code sum share' * credit <= rho * sum share * credit}). One pass at the threshold less the largest gain,
 *     with the skill floor divided by the largest {@code rho}, holds every candidate such a change can reach, and
 *     today's reachable set.</li>
 * <li>Dutch requirements and English: the vacancy asking, per language skill, the lowest effective requirement of
 *     any of these changes, and accepting the lowest English level any of them accepts, passes every language
 *     filter they pass and scores at least as high.</li>
 * <li>work permit sponsorship and hours: the score reads neither, so the vacancy that sponsors if any change does
 *     and offers the union of their hours reaches a superset at the same scores.</li>
 * </ul>
 * The language and limit groups share one pass, at the loosest of both; a change outside the groups gets its own.
 */
final class VacancyWhatIf {
    /** Slack for float rounding in the score's sum; far below the score's own resolution. */
    private static final double SLACK = 1e-9;

    private final WhatIfEngine engine;
    private final double minScore;
    private final PreparedVacancy original;
    private final List<Change<Vacancy>> changes;
    private final List<PreparedVacancy> prepared = new ArrayList<>();
    private final List<PreparedProfile> scoreSet;
    /** Per candidate of {@link #scoreSet} the components a change of importances or education leaves as they are. */
    private final double[] language;
    private final double[] distance;
    private final double[] preference;
    private final Map<String, Double> base;

    VacancyWhatIf(WhatIfEngine engine, Vacancy v, double minScore, List<Change<Vacancy>> changes) {
        this.engine = engine;
        this.minScore = minScore;
        this.original = engine.scorer().prepare(v).compact();
        this.changes = changes;
        double gain = 0;
        double rho = 1;
        for (Change<Vacancy> c : changes) {
            PreparedVacancy q = engine.scorer().prepare(c.changed()).compact();
            prepared.add(q);
            if (group(original, q) == Group.SCORE) {
                double changeRho = shareRatio(original, q);
                double changeGain = engine.weights().skills() * (changeRho - 1)
                        + (q.education() != original.education() ? engine.weights().level() : 0);
                gain = Math.max(gain, changeGain);
                rho = Math.max(rho, changeRho);
            }
        }
        this.scoreSet = engine.candidates(original, Math.max(0, minScore - gain - SLACK),
                Math.max(0, engine.minSkillFit() / rho - SLACK));
        int n = scoreSet.size();
        language = new double[n];
        distance = new double[n];
        preference = new double[n];
        for (int i = 0; i < n; i++) {
            PreparedProfile p = scoreSet.get(i);
            language[i] = Scorer.languageValue(p, original);
            distance[i] = Scorer.distanceValue(p, original, engine.weights().distancePivotKm());
            preference[i] = Scorer.preferenceValue(p, original);
        }
        this.base = rescored(original);
    }

    /**
     * The reachable set of a vacancy that differs from the original in its skill importances or education only.
     * Every candidate of the score set passes every hard filter for the original but perhaps the skill floor, and
     * such a change moves no filter but that one (none reads importances or education), so the floor and the score
     * decide; the unchanged components are summed back by {@link Scorer#combine} into the very same double.
     */
    private Map<String, Double> rescored(PreparedVacancy q) {
        Map<String, Double> after = new HashMap<>();
        for (int i = 0; i < scoreSet.size(); i++) {
            PreparedProfile p = scoreSet.get(i);
            double skills = Scorer.skillsValue(p, q);
            if (Rules.meetsSkillFloor(skills, engine.minSkillFit())) {
                double s = Scorer.combine(engine.weights(), skills, language[i], distance[i], Scorer.levelValue(p, q),
                        preference[i]);
                if (s >= minScore) {
                    after.put(p.id(), s);
                }
            }
        }
        return after;
    }

    /** Today's reachable candidates, id to exact score. */
    Map<String, Double> base() {
        return base;
    }

    /** The exact reachable set of each change, by identity of the change. */
    Map<Change<Vacancy>, Map<String, Double>> evaluate() {
        List<PreparedVacancy> languages = new ArrayList<>();
        List<PreparedVacancy> limits = new ArrayList<>();
        for (PreparedVacancy q : prepared) {
            Group g = group(original, q);
            if (g == Group.LANGUAGE) {
                languages.add(q);
            } else if (g == Group.LIMITS) {
                limits.add(q);
            }
        }
        // one pass for both groups: the vacancy at the loosest of both holds either group's superset, since the
        // limits are not in the score and the languages are in no filter but the Dutch gap
        List<PreparedProfile> languageSet = List.of();
        if (!languages.isEmpty() || !limits.isEmpty()) {
            PreparedVacancy loosest = languages.isEmpty() ? original : loosestLanguages(languages);
            if (!limits.isEmpty()) {
                loosest = loosestLimits(loosest, limits);
            }
            languageSet = engine.candidates(loosest, minScore, engine.minSkillFit());
        }
        List<PreparedProfile> limitSet = languageSet;
        Map<Change<Vacancy>, Map<String, Double>> out = new IdentityHashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            PreparedVacancy q = prepared.get(i);
            out.put(changes.get(i), switch (group(original, q)) {
                case SCORE -> rescored(q);
                case LANGUAGE -> within(languageSet, q);
                case LIMITS -> within(limitSet, q);
                case OTHER -> within(engine.candidates(q, minScore, engine.minSkillFit()), q);
            });
        }
        return out;
    }

    private Map<String, Double> within(List<PreparedProfile> superset, PreparedVacancy q) {
        Map<String, Double> after = new HashMap<>();
        for (PreparedProfile p : superset) {
            if (engine.admits(p, q)) {
                double s = engine.score(p, q);
                if (s >= minScore) {
                    after.put(p.id(), s);
                }
            }
        }
        return after;
    }

    /**
     * The largest ratio of a changed share to the original one (at least 1). The concepts are the same (the group
     * says so), so {@code skills' = sum share'_i credit_i <= rho * sum share_i credit_i = rho * skills}.
     */
    private static double shareRatio(PreparedVacancy a, PreparedVacancy b) {
        double rho = 1;
        for (int i = 0; i < a.requiredCount(); i++) {
            // every share is positive (an importance weight of at least 1 over the total, rounded to 9 bits)
            rho = Math.max(rho, b.share(i) / a.share(i));
        }
        // the division rounds; a relative nudge keeps the bound an upper bound
        return rho * (1 + 1e-12);
    }

    /** Per language skill the lowest effective requirement of any change, and the lowest English level accepted. */
    private PreparedVacancy loosestLanguages(List<PreparedVacancy> changed) {
        Cefr[] dutch = original.dutchArray().clone();
        Cefr english = original.englishAccepted();
        for (PreparedVacancy q : changed) {
            for (LanguageSkill s : LanguageSkill.values()) {
                if (q.dutchRequired(s).rank() < dutch[s.ordinal()].rank()) {
                    dutch[s.ordinal()] = q.dutchRequired(s);
                }
            }
            // NONE accepts no English at all, the strictest; any level accepted is looser, a lower one more so
            Cefr e = q.englishAccepted();
            if (e != Cefr.NONE && (english == Cefr.NONE || e.rank() < english.rank())) {
                english = e;
            }
        }
        return original.withLanguages(dutch, english);
    }

    /** Sponsoring when any change (or {@code from}) does, and the union of the hours offered. */
    private static PreparedVacancy loosestLimits(PreparedVacancy from, List<PreparedVacancy> changed) {
        boolean sponsored = from.permitSponsored();
        int min = from.hours().min();
        int max = from.hours().max();
        for (PreparedVacancy q : changed) {
            sponsored |= q.permitSponsored();
            min = Math.min(min, q.hours().min());
            max = Math.max(max, q.hours().max());
        }
        return from.withLimits(sponsored, new HoursRange(min, max));
    }

    private enum Group { SCORE, LANGUAGE, LIMITS, OTHER }

    /** Which group of facts a changed vacancy differs in; OTHER when more than one, or anything else. */
    private static Group group(PreparedVacancy a, PreparedVacancy b) {
        boolean rest = a.id().equals(b.id()) && Objects.equals(a.location(), b.location())
                && Arrays.equals(a.requiredArray(), b.requiredArray()) && a.occupation() == b.occupation()
                && Objects.equals(a.iscoGroup(), b.iscoGroup()) && Objects.equals(a.sector(), b.sector())
                && a.remote() == b.remote() && a.jobType() == b.jobType()
                && Objects.equals(a.openFrom(), b.openFrom()) && Objects.equals(a.openUntil(), b.openUntil());
        boolean score = Arrays.equals(a.sharesArray(), b.sharesArray()) && a.education() == b.education();
        boolean languages = Arrays.equals(a.dutchArray(), b.dutchArray()) && a.englishAccepted() == b.englishAccepted();
        boolean limits = a.permitSponsored() == b.permitSponsored() && a.hours().equals(b.hours());
        if (!rest) {
            return Group.OTHER;
        }
        if (languages && limits) {
            return Group.SCORE;
        }
        if (score && limits) {
            return Group.LANGUAGE;
        }
        if (score && languages) {
            return Group.LIMITS;
        }
        return Group.OTHER;
    }
}
