package nl.werkmatch.matcher.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import nl.werkmatch.matcher.scoring.ScoringWeights;
import nl.werkmatch.matcher.scoring.Explanation;
import nl.werkmatch.matcher.scoring.Component;
import nl.werkmatch.matcher.scoring.EvidenceWeights;
import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.geo.GeoPoint;
import nl.werkmatch.matcher.geo.Regions;
import nl.werkmatch.matcher.geo.ResolvedLocation;
import nl.werkmatch.matcher.model.Cefr;
import nl.werkmatch.matcher.model.EducationLevel;
import nl.werkmatch.matcher.model.Experience;
import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.model.LanguageSkill;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.SkillClaim;
import nl.werkmatch.matcher.model.SkillRequirement;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.taxonomy.Relation;
import nl.werkmatch.matcher.taxonomy.SkillSimilarity;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;

/**
 * The exact score of one (profile, vacancy) pair: {@code sum_c w_c * f_c(p, v)} with every {@code f_c} in
 * [0, 1]. This class is the definition; the Lucene engine computes the same sum with pruning and then rescores
 * its best candidates here. A pure function of its inputs; thread-safe.
 *
 * <ul>
 * <li>skills: {@code sum_r share(r) * credit(p, r)} with {@code share(r) = imp(r) / sum_r imp(r)}, imp 3/2/1 for
 *     essential/important/optional, and {@code credit(p, r) = max_q sim(q, r) * evidence(q)}; a vacancy that lists
 *     no skills requires its occupation's (essential, important, optional as the taxonomy relates them), and one
 *     with neither is refused by validation. Shares and credits are rounded down to 9 significant bits
 *     ({@link #indexable}), the precision a Lucene FeatureField keeps, so the index holds them exactly and the
 *     engine's pruned ranking can be proven equal to a full scan (a share loses at most 0.4%). A profile covers
 *     at most {@link EvidenceWeights#maxCoveredSkills()} concepts, its strongest credits; others count 0.</li>
 * <li>language: the mean over listening, reading, speaking, writing of 1 (no gap), 0.5 (one level short) or 0;
 *     language support lowers each requirement a level; an accepted English level stands in for all four</li>
 * <li>distance: {@code pivot / (pivot + km)}, 1 for remote work</li>
 * <li>level: 1 when the job asks no level, or the candidate is at it or one step above; over-qualification costs
 *     0.25 per further step (down to 0.25), one step under 0.5, more 0; an unrecognised diploma counts one level
 *     lower ({@link Rules#countedLevel})</li>
 * <li>preference: 1 for a wanted occupation, 0.5 for one in the same ISCO minor group or sector, else 0</li>
 * </ul>
 */
public final class Scorer {
    private final SkillTaxonomy taxonomy;
    private final SkillSimilarity similarity;
    private final EvidenceWeights evidence;
    private final Regions regions;
    /** Reusable tables; a pool rather than a ThreadLocal, since servers call from short-lived virtual threads. */
    private final ConcurrentLinkedQueue<CoverageTable> tables = new ConcurrentLinkedQueue<>();
    /** Per (occupation, relevance), its skills' neighbourhoods merged once: experience costs one walk, not ~40. */
    private final OccupationCoverage occupations;

    public Scorer(SkillTaxonomy taxonomy, SkillSimilarity similarity, EvidenceWeights evidence, Regions regions) {
        this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
        this.similarity = Objects.requireNonNull(similarity, "similarity");
        this.evidence = Objects.requireNonNull(evidence, "evidence");
        this.regions = Objects.requireNonNull(regions, "regions");
        this.occupations = new OccupationCoverage(taxonomy, similarity, evidence.maxCoveredSkills());
    }

    public SkillTaxonomy taxonomy() { return taxonomy; }

    public SkillSimilarity similarity() { return similarity; }

    public EvidenceWeights evidenceWeights() { return evidence; }

    public Regions regions() { return regions; }

    // ---- preparation

    /**
     * Resolves a valid profile. Throws {@link InvalidInputException} for the first reference the taxonomy or the
     * regions do not know; validate first to get every problem.
     */
    public PreparedProfile prepare(Profile p) {
        ResolvedLocation loc = regions.resolve(p.location())
                .orElseThrow(() -> new InvalidInputException("location", "unknown place " + p.location()));
        CoverageTable table = table();
        CoverageTable.Kept kept;
        try {
            for (int i = 0; i < p.skills().size(); i++) {
                SkillClaim claim = p.skills().get(i);
                table.offerNeighbourhood(conceptIndex(claim.id(), "skills", i, ".id"), evidence.of(claim.evidence()), -1);
            }
            for (int x = 0; x < p.experience().size(); x++) {
                Experience exp = p.experience().get(x);
                int o = occupationIndex(exp.occupation(), "experience", x, ".occupation");
                for (Importance rel : Importance.values()) {
                    double e = evidence.ofExperience(rel, exp.years());
                    OccupationCoverage.Merged m = occupations.of(o, rel);
                    if (m.exactFor(e)) {
                        table.offerMerged(m, e, o);
                    } else {
                        for (int q : m.skills) {
                            table.offerNeighbourhood(q, e, o);
                        }
                    }
                }
            }
            kept = table.strongest(evidence.maxCoveredSkills());
        } finally {
            table.clear();
            tables.offer(table);
        }
        int[] wanted = new int[p.wantedOccupations().size()];
        for (int i = 0; i < wanted.length; i++) {
            wanted[i] = occupationIndex(p.wantedOccupations().get(i), "wants.occupations", i, "");
        }
        wanted = Arrays.stream(wanted).distinct().toArray();
        Set<String> groups = new HashSet<>();
        Set<String> sectors = new HashSet<>();
        for (int o : wanted) {
            String g = iscoGroup(o);
            if (g != null) {
                groups.add(g);
            }
            if (taxonomy.sector(o) != null) {
                sectors.add(taxonomy.sector(o));
            }
        }
        return new PreparedProfile(p, loc, kept.targets(), kept.credits(), kept.provenance(), wanted, groups, sectors);
    }

    /** Resolves a valid vacancy; see {@link #prepare(Profile)}. */
    public PreparedVacancy prepare(Vacancy v) {
        ResolvedLocation loc = null;
        if (v.location() != null) {
            loc = regions.resolve(v.location())
                    .orElseThrow(() -> new InvalidInputException("location", "unknown place " + v.location()));
        }
        int occ = v.occupation() == null ? -1 : occupationIndex(v.occupation(), "occupation", -1, "");
        if (v.skills().isEmpty() && occ >= 0) {
            return derived(v, loc, occ);
        }
        int n = v.skills().size();
        int[] required = new int[n];
        Importance[] imps = new Importance[n];
        for (int i = 0; i < n; i++) {
            SkillRequirement r = v.skills().get(i);
            required[i] = conceptIndex(r.id(), "skills", i, ".id");
            imps[i] = r.importance();
        }
        return new PreparedVacancy(v, loc, required, imps, occ, occ < 0 ? null : iscoGroup(occ),
                occ < 0 ? null : taxonomy.sector(occ));
    }

    /**
     * A vacancy that lists no skills asks for its occupation's, at their relevance in the taxonomy (essential as
     * ESSENTIAL, and so on); a skill listed at two relevances counts once, at the higher.
     */
    private PreparedVacancy derived(Vacancy v, ResolvedLocation loc, int occ) {
        Map<Integer, Importance> asked = new LinkedHashMap<>();
        for (Importance imp : Importance.values()) {
            for (int concept : taxonomy.occupationSkills(occ, imp)) {
                asked.putIfAbsent(concept, imp);
            }
        }
        int[] required = new int[asked.size()];
        Importance[] imps = new Importance[asked.size()];
        int i = 0;
        for (Map.Entry<Integer, Importance> e : asked.entrySet()) {
            required[i] = e.getKey();
            imps[i++] = e.getValue();
        }
        return new PreparedVacancy(v, loc, required, imps, occ, iscoGroup(occ), taxonomy.sector(occ));
    }

    /** Whether a vacancy's skills are its occupation's, because it lists none of its own. */
    public static boolean requirementsDerived(Vacancy v) {
        return v.skills().isEmpty() && v.occupation() != null;
    }

    private CoverageTable table() {
        CoverageTable polled = tables.poll();
        return polled != null ? polled : new CoverageTable(similarity, taxonomy.size());
    }

    /** The dense index of a concept; the path of a failure is built only then: list[i]field, or list when i < 0. */
    private int conceptIndex(String id, String list, int i, String field) {
        int q = taxonomy.indexOf(id);
        if (q < 0) {
            throw new InvalidInputException(path(list, i, field), "unknown skill \"" + id + "\"");
        }
        return q;
    }

    private int occupationIndex(String id, String list, int i, String field) {
        int o = taxonomy.occupationIndexOf(id);
        if (o < 0) {
            throw new InvalidInputException(path(list, i, field), "unknown occupation \"" + id + "\"");
        }
        return o;
    }

    private static String path(String list, int i, String field) {
        return i < 0 ? list : list + "[" + i + "]" + field;
    }

    /** The ISCO minor group (first three digits) of an occupation, or null. */
    public String iscoGroup(int occupation) {
        String isco = taxonomy.isco(occupation);
        return isco == null || isco.length() < 3 ? null : isco.substring(0, 3);
    }

    // ---- the components

    /**
     * Rounds a value in (0, 1] down to 9 significant bits: exactly what a Lucene FeatureField stores (it keeps the
     * top 17 bits of the float). Credits and shares are defined at this precision so the index is exact.
     */
    public static double indexable(double value) {
        return Float.intBitsToFloat((Float.floatToIntBits((float) value) >>> 15) << 15);
    }

    /** Importance weight in the skill score: essential 3, important 2, optional 1. */
    public static double importanceWeight(Importance importance) {
        return switch (importance) {
            case ESSENTIAL -> 3;
            case IMPORTANT -> 2;
            case OPTIONAL -> 1;
        };
    }

    public static double skillsValue(PreparedProfile p, PreparedVacancy v) {
        if (v.requiredCount() == 0) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < v.requiredCount(); i++) {
            sum += v.share(i) * p.credit(v.requiredConcept(i));
        }
        return sum;
    }

    /** The requirement after language support lowered it. */
    public static Cefr effectiveRequirement(Vacancy v, LanguageSkill skill) {
        Cefr required = v.dutch().get(skill);
        return v.languageSupport() ? required.lower() : required;
    }

    /** Whether the candidate's English meets an English level the vacancy accepts instead of Dutch. */
    public static boolean englishBridges(PreparedProfile p, PreparedVacancy v) {
        return bridges(p.english(), v.englishAccepted());
    }

    static boolean bridges(Cefr candidateEnglish, Cefr accepted) {
        return Rules.englishBridges(candidateEnglish.rank(), accepted.rank());
    }

    /** The Dutch gap on one skill in CEFR steps (after language support), or 0 where English bridges. */
    public static int languageGap(PreparedProfile p, PreparedVacancy v, LanguageSkill skill) {
        return Rules.languageGap(v.dutchRequired(skill).rank(), p.dutch(skill).rank(), englishBridges(p, v));
    }

    public static double languageValue(PreparedProfile p, PreparedVacancy v) {
        boolean bridged = englishBridges(p, v);
        double sum = 0;
        for (LanguageSkill s : LanguageSkill.values()) {
            sum += Rules.languageFit(Rules.languageGap(v.dutchRequired(s).rank(), p.dutch(s).rank(), bridged));
        }
        return sum / 4;
    }

    /** Distance in km between a profile's and a vacancy's points, always computed in this argument order. */
    public static double km(GeoPoint profilePoint, GeoPoint vacancyPoint) {
        return profilePoint.distanceKm(vacancyPoint);
    }

    public static double distanceValue(PreparedProfile p, PreparedVacancy v, double pivotKm) {
        if (v.remote()) {
            return 1;
        }
        double km = km(p.point(), v.point());
        return pivotKm / (pivotKm + km);
    }

    public static double levelValue(PreparedProfile p, PreparedVacancy v) {
        return Rules.levelFit(v.education() != EducationLevel.NONE, p.education().ordinal() - v.education().ordinal());
    }

    public static double preferenceValue(PreparedProfile p, PreparedVacancy v) {
        return Rules.preference(wanted(p, v), near(p, v));
    }

    /** Whether the vacancy's occupation is one the candidate wants. */
    static boolean wanted(PreparedProfile p, PreparedVacancy v) {
        return v.occupation() >= 0 && p.wants(v.occupation());
    }

    /** Whether the vacancy's occupation shares an ISCO minor group or a sector with one the candidate wants. */
    static boolean near(PreparedProfile p, PreparedVacancy v) {
        return v.occupation() >= 0 && ((v.iscoGroup() != null && p.wantedIscoGroups().contains(v.iscoGroup()))
                || (v.sector() != null && p.wantedSectors().contains(v.sector())));
    }

    /** The value in [0, 1] of every component, unweighted. */
    public static Map<Component, Double> values(PreparedProfile p, PreparedVacancy v, double pivotKm) {
        Map<Component, Double> m = new EnumMap<>(Component.class);
        m.put(Component.SKILLS, skillsValue(p, v));
        m.put(Component.LANGUAGE, languageValue(p, v));
        m.put(Component.DISTANCE, distanceValue(p, v, pivotKm));
        m.put(Component.LEVEL, levelValue(p, v));
        m.put(Component.PREFERENCE, preferenceValue(p, v));
        return m;
    }

    /** Each component's contribution (weight times value); they sum to the score. */
    public static Map<Component, Double> contributions(PreparedProfile p, PreparedVacancy v, ScoringWeights w) {
        Map<Component, Double> values = values(p, v, w.distancePivotKm());
        Map<Component, Double> m = new EnumMap<>(Component.class);
        for (Component c : Component.values()) {
            m.put(c, w.weight(c) * values.get(c));
        }
        return m;
    }

    /** The exact score in [0, 1]. */
    public static double score(PreparedProfile p, PreparedVacancy v, ScoringWeights w) {
        return combine(w, skillsValue(p, v), languageValue(p, v), distanceValue(p, v, w.distancePivotKm()),
                levelValue(p, v), preferenceValue(p, v));
    }

    /**
     * The score from the five component values, in the one order of summation every exact score uses, so that a
     * caller holding some components from an earlier pair gets the very same double.
     */
    public static double combine(ScoringWeights w, double skills, double language, double distance, double level,
                                 double preference) {
        return w.skills() * skills + w.language() * language + w.distance() * distance + w.level() * level
                + w.preference() * preference;
    }

    /** Convenience: prepares both sides and scores them. */
    public double score(Profile p, Vacancy v, ScoringWeights w) {
        return score(prepare(p), prepare(v), w);
    }

    // ---- explanation

    /**
     * The score of a pair with every component and the reasons behind it. Needs both full forms (made by
     * {@code prepare}); a compact form throws IllegalStateException.
     */
    public Explanation explain(PreparedProfile p, PreparedVacancy v, ScoringWeights w) {
        PreparedProfile.Provenance how = p.provenance();
        Profile prof = p.profile();
        Vacancy vac = v.vacancy();
        Map<Component, Double> values = values(p, v, w.distancePivotKm());
        List<Explanation.ComponentScore> comps = new ArrayList<>();
        for (Component c : Component.values()) {
            comps.add(new Explanation.ComponentScore(c, values.get(c), w.weight(c), w.weight(c) * values.get(c)));
        }
        String lang = taxonomy.defaultLanguage();
        List<Explanation.SkillMatch> skills = new ArrayList<>();
        for (int i = 0; i < v.requiredCount(); i++) {
            int r = v.requiredConcept(i);
            int pos = p.position(r);
            if (pos < 0) {
                skills.add(new Explanation.SkillMatch(taxonomy.conceptId(r), taxonomy.label(r, lang), v.importance(i),
                        null, null, Relation.NONE, 0, null, 0));
            } else {
                int q = how.via()[pos];
                int occ = how.viaOccupation()[pos];
                skills.add(new Explanation.SkillMatch(taxonomy.conceptId(r), taxonomy.label(r, lang), v.importance(i),
                        taxonomy.conceptId(q), taxonomy.label(q, lang), how.relations()[pos], how.evidence()[pos],
                        occ < 0 ? null : taxonomy.occupationId(occ), p.coveredCredit(pos)));
            }
        }
        List<Explanation.LanguageSkillFit> fits = new ArrayList<>();
        boolean bridged = englishBridges(p, v);
        for (LanguageSkill s : LanguageSkill.values()) {
            Cefr eff = effectiveRequirement(vac, s);
            int gap = eff.rank() - prof.dutch().get(s).rank();
            fits.add(new Explanation.LanguageSkillFit(s, vac.dutch().get(s), eff, prof.dutch().get(s), gap,
                    Rules.languageFit(Rules.languageGap(eff.rank(), prof.dutch().get(s).rank(), bridged))));
        }
        Explanation.LanguageFit language = new Explanation.LanguageFit(fits, vac.languageSupport(),
                vac.englishAccepted(), prof.english(), bridged, values.get(Component.LANGUAGE));
        ResolvedLocation pl = p.location();
        ResolvedLocation vl = v.location();
        Explanation.DistanceFit distance = new Explanation.DistanceFit(
                vac.remote() ? null : km(p.point(), v.point()), vac.remote(),
                pl.municipality().name(), pl.region().name(),
                vl == null ? null : vl.municipality().name(), vl == null ? null : vl.region().name(),
                values.get(Component.DISTANCE));
        EducationLevel counted = p.education();
        EducationLevel job = vac.educationLevel();
        int steps = counted.ordinal() - job.ordinal();
        Explanation.Qualification q = Rules.qualification(job != EducationLevel.NONE, steps);
        Explanation.LevelFit level = new Explanation.LevelFit(prof.education().level(), prof.education().recognized(),
                counted, job,
                job == EducationLevel.NONE ? 0 : steps, q, values.get(Component.LEVEL));
        boolean wanted = wanted(p, v);
        Explanation.PreferenceFit preference = new Explanation.PreferenceFit(
                v.occupation() < 0 ? null : taxonomy.occupationId(v.occupation()), wanted, !wanted && near(p, v),
                values.get(Component.PREFERENCE));
        double score = comps.stream().mapToDouble(Explanation.ComponentScore::contribution).sum();
        return new Explanation(prof.id(), vac.id(), score, comps, skills, language, distance, level, preference,
                requirementsDerived(vac) ? vac.occupation() : null);
    }
}
