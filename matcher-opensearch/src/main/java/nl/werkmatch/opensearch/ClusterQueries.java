package nl.werkmatch.opensearch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.geo.GeoPoint;
import nl.werkmatch.matcher.index.PairFilter;
import nl.werkmatch.matcher.internal.PreparedProfile;
import nl.werkmatch.matcher.internal.PreparedVacancy;
import nl.werkmatch.matcher.internal.Rules;
import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.model.JobType;
import nl.werkmatch.matcher.model.LanguageSkill;
import nl.werkmatch.matcher.model.WorkAuthorization;
import nl.werkmatch.matcher.scoring.ScoringWeights;

/**
 * Compiles one side of a pair and a request into OpenSearch's query DSL, mirroring the embedded engine's
 * {@code QueryCompiler}: a {@code bool} query whose {@code filter} clauses hold the hard filters the DSL can say
 * (the client's {@link PairFilter} decides every hit exactly, so a filter left out costs time, never a wrong page) and
 * whose {@code should} clauses add up to the exact pair score minus a constant:
 *
 * <ul>
 * <li>skills: one linear {@code rank_feature} clause per required (or covered) concept, boost weight times share (or
 *     credit); features keep 9 significant bits, at which the core defines credits and shares, so this is exact;</li>
 * <li>language: per language skill a constant clause for "at or above the requirement" (a quarter of the weight) and
 *     one for "one level short" (an eighth), under a {@code dis_max} with the English bridge (the whole weight);</li>
 * <li>level: one constant clause per education level, boosted by the level fit it earns;</li>
 * <li>distance: {@code distance_feature} on the point, {@code pivot / (pivot + km)} times the weight, as the score
 *     defines it (remote vacancies: a constant);</li>
 * <li>preference: the two tiers as constant clauses.</li>
 * </ul>
 *
 * The DSL score plus {@link Compiled#constant} is within {@link Compiled#maxError} of the exact score for every
 * document passing the filters, which is what the rescoring window's stop rule needs.
 */
final class ClusterQueries {

    /** A compiled query: OpenSearch's score plus the constant is within maxError of the exact score. */
    record Compiled(ObjectNode query, double constant, double maxError) {
        static final Compiled NOTHING = new Compiled(null, 0, 0);

        boolean matchesNothing() {
            return query == null;
        }
    }

    private ClusterQueries() {
    }

    /**
     * The error bound: features are exact; the distance feature reads the point at the index's 1 cm resolution and
     * computes Lucene's haversine (within 0.4 m, same Earth radius), and since {@code |d f / d km| <= 1 / pivot}, 3 m of
     * slack bounds it; OpenSearch sums a dozen clauses in float, well under 1e-5.
     */
    static double maxError(ScoringWeights w) {
        return w.distance() * 0.003 / w.distancePivotKm() + 1e-5;
    }

    // ---- candidates for a vacancy: over profile documents

    static Compiled candidatesFor(PreparedVacancy v, MatchRequest r, ScoringWeights w, LocalDate today,
                                  Set<String> regions) {
        if (!PairFilter.open(v, r, today)) {
            return Compiled.NOTHING;
        }
        if (!r.jobTypes().isEmpty() && !r.jobTypes().contains(v.jobType())) {
            return Compiled.NOTHING;
        }
        List<String> auths = new ArrayList<>();
        for (WorkAuthorization a : WorkAuthorization.values()) {
            if (Rules.authorized(a, v.permitSponsored())
                    && (r.workAuthorizations().isEmpty() || r.workAuthorizations().contains(a))) {
                auths.add(a.name());
            }
        }
        if (auths.isEmpty()) {
            return Compiled.NOTHING;
        }
        List<ObjectNode> filter = new ArrayList<>();
        List<ObjectNode> should = new ArrayList<>();
        double constant = 0;

        filter.add(terms("auth", auths));
        filter.add(terms("jobTypes", List.of(v.jobType().name(), ClusterDocuments.ANY_JOB_TYPE)));
        filter.add(range("hoursMin", null, v.hours().max()));
        filter.add(range("hoursMax", v.hours().min(), null));
        if (v.openUntil() != null) {
            filter.add(absentOr("availableFrom", range("availableFrom", null, v.openUntil().toEpochDay())));
        }

        if (w.skills() > 0) {
            for (int i = 0; i < v.requiredCount(); i++) {
                should.add(rankFeature(ClusterDocuments.SKILLS, v.requiredConcept(i), w.skills() * v.share(i)));
            }
        }

        int[] required = new int[LanguageSkill.values().length];
        for (LanguageSkill s : LanguageSkill.values()) {
            required[s.ordinal()] = v.dutchRequired(s).rank();
        }
        int accepted = v.englishAccepted().rank();
        ObjectNode bridge = accepted > 0 ? range("english", accepted, null) : null;
        filter.add(languageGapFilter(required, bridge, r.maxLanguageGap(), true));
        if (w.language() > 0) {
            constant += language(should, required, bridge, w.language(), true);
        }
        int job = v.education().ordinal();
        if (w.level() > 0) {
            if (job == 0) {
                constant += w.level();
            } else {
                for (int e = 0; e < nl.werkmatch.matcher.model.EducationLevel.values().length; e++) {
                    double fit = Rules.levelFit(true, e - job);
                    if (fit > 0) {
                        should.add(constant(term("education", e), w.level() * fit));
                    }
                }
            }
        }

        if (v.remote()) {
            constant += w.distance();
        } else if (w.distance() > 0) {
            should.add(distanceFeature(v.point(), w));
        }

        if (v.occupation() >= 0 && w.preference() > 0) {
            ObjectNode wanted = term("want", Integer.toString(v.occupation()));
            List<ObjectNode> near = new ArrayList<>(List.of(wanted));
            if (v.iscoGroup() != null) {
                near.add(term("wantGroup", v.iscoGroup()));
            }
            if (v.sector() != null) {
                near.add(term("wantSector", v.sector()));
            }
            preference(should, wanted, near, w);
        }

        Double within = v.remote() ? null : r.withinKm();
        if (within != null) {
            // a slightly larger circle: the pair filter decides exactly, with the core's own distance
            filter.add(geoDistance(v.point(), within + 1));
        }
        if (!regions.isEmpty()) {
            filter.add(terms("region", regions));
        }
        if (floor(r) > 0) {
            // a profile covering none of the required concepts has skills 0 and fails any floor above 0
            if (v.requiredCount() == 0) {
                return Compiled.NOTHING;
            }
            List<String> concepts = new ArrayList<>();
            for (int i = 0; i < v.requiredCount(); i++) {
                concepts.add(Integer.toString(v.requiredConcept(i)));
            }
            filter.add(terms("concepts", concepts));
        }
        if (r.requireEssentialSkills()) {
            for (int i = 0; i < v.requiredCount(); i++) {
                if (v.importance(i) == Importance.ESSENTIAL) {
                    filter.add(term("concepts", Integer.toString(v.requiredConcept(i))));
                }
            }
        }
        return new Compiled(bool(filter, should), constant, maxError(w));
    }

    // ---- vacancies for a profile: over vacancy documents

    static Compiled vacanciesFor(PreparedProfile p, MatchRequest r, ScoringWeights w, LocalDate today,
                                 Set<String> regions) {
        if (p.workAuthorization() == WorkAuthorization.NOT_ALLOWED
                || (!r.workAuthorizations().isEmpty() && !r.workAuthorizations().contains(p.workAuthorization()))) {
            return Compiled.NOTHING;
        }
        List<ObjectNode> filter = new ArrayList<>();
        List<ObjectNode> should = new ArrayList<>();
        double constant = 0;

        if (p.workAuthorization() == WorkAuthorization.PERMIT_REQUIRED) {
            filter.add(term("permitSponsored", true));
        }
        List<String> types = new ArrayList<>();
        for (JobType t : JobType.values()) {
            if (p.accepts(t) && (r.jobTypes().isEmpty() || r.jobTypes().contains(t))) {
                types.add(t.name());
            }
        }
        if (types.isEmpty()) {
            return Compiled.NOTHING;
        }
        filter.add(terms("jobType", types));
        filter.add(range("hoursMin", null, p.hours().max()));
        filter.add(range("hoursMax", p.hours().min(), null));
        LocalDate notClosedBefore = r.openOn() != null ? r.openOn() : today;
        if (p.availableFrom() != null && p.availableFrom().isAfter(notClosedBefore)) {
            notClosedBefore = p.availableFrom();
        }
        filter.add(absentOr("openUntil", range("openUntil", notClosedBefore.toEpochDay(), null)));
        if (r.openOn() != null) {
            filter.add(absentOr("openFrom", range("openFrom", null, r.openOn().toEpochDay())));
        }

        if (w.skills() > 0) {
            for (int i = 0; i < p.coveredCount(); i++) {
                should.add(rankFeature(ClusterDocuments.REQUIRED, p.coveredConcept(i), w.skills() * p.coveredCredit(i)));
            }
        }

        int[] has = new int[LanguageSkill.values().length];
        for (LanguageSkill s : LanguageSkill.values()) {
            has[s.ordinal()] = p.dutch(s).rank();
        }
        int english = p.english().rank();
        // the vacancy's accepted English is bridged by this candidate when it is 1..english
        ObjectNode bridge = english > 0 ? range("englishAccepted", 1, english) : null;
        filter.add(languageGapFilter(has, bridge, r.maxLanguageGap(), false));
        if (w.language() > 0) {
            constant += language(should, has, bridge, w.language(), false);
        }
        int cand = p.education().ordinal();
        if (w.level() > 0) {
            for (int job = 0; job < nl.werkmatch.matcher.model.EducationLevel.values().length; job++) {
                double fit = Rules.levelFit(job != 0, cand - job);
                if (fit > 0) {
                    should.add(constant(term("education", job), w.level() * fit));
                }
            }
        }

        if (w.distance() > 0) {
            should.add(distanceFeature(p.point(), w));
            should.add(constant(term("remote", true), w.distance()));
        }

        int[] wantedOccupations = p.wantedOccupations();
        if (wantedOccupations.length > 0 && w.preference() > 0) {
            List<String> occupations = new ArrayList<>();
            for (int o : wantedOccupations) {
                occupations.add(Integer.toString(o));
            }
            ObjectNode wanted = terms("occupation", occupations);
            List<ObjectNode> near = new ArrayList<>(List.of(wanted));
            if (!p.wantedIscoGroups().isEmpty()) {
                near.add(terms("iscoGroup", p.wantedIscoGroups()));
            }
            if (!p.wantedSectors().isEmpty()) {
                near.add(terms("sector", p.wantedSectors()));
            }
            preference(should, wanted, near, w);
        }

        Double limit = r.withinKm();
        if (!r.ignoreTravelLimit() && p.maxTravelKm() != null) {
            limit = limit == null ? p.maxTravelKm().doubleValue() : Math.min(limit, p.maxTravelKm());
        }
        if (limit != null) {
            filter.add(any(List.of(term("remote", true), geoDistance(p.point(), limit + 1))));
        }
        if (!regions.isEmpty()) {
            filter.add(terms("region", regions));
        }
        if (floor(r) > 0) {
            if (p.coveredCount() == 0) {
                return Compiled.NOTHING;
            }
            List<String> concepts = new ArrayList<>();
            for (int i = 0; i < p.coveredCount(); i++) {
                concepts.add(Integer.toString(p.coveredConcept(i)));
            }
            filter.add(terms("reqConcepts", concepts));
        }
        // requireEssentialSkills ("every essential skill of the vacancy covered") is left to the pair filter
        return new Compiled(bool(filter, should), constant, maxError(w));
    }

    // ---- language

    /**
     * The language clauses; returns the part that is the same for every document. {@code levels} are the other side's
     * requirements (profile documents) or the profile's levels (vacancy documents); the fit of one language skill is 1
     * when the level meets the requirement after support, 0.5 one level short, else 0, and the English bridge makes
     * the whole component 1.
     */
    private static double language(List<ObjectNode> should, int[] levels, ObjectNode bridge, double weight,
                                   boolean overProfiles) {
        double quarter = weight / 4;
        List<ObjectNode> dutch = new ArrayList<>();
        double same = 0;
        for (LanguageSkill s : LanguageSkill.values()) {
            String field = ClusterDocuments.dutchField(s);
            int level = levels[s.ordinal()];
            if (overProfiles) {
                // profile documents: their level against this requirement
                if (level == 0) {
                    same += quarter;
                    continue;
                }
                dutch.add(constant(range(field, level, null), quarter));
                dutch.add(constant(term(field, level - 1), quarter / 2));
            } else {
                // vacancy documents: their requirement against this level
                dutch.add(constant(range(field, null, level), quarter));
                dutch.add(constant(term(field, level + 1), quarter / 2));
            }
        }
        if (bridge == null) {
            if (!dutch.isEmpty()) {
                should.add(boolShould(dutch));
            }
            return same;
        }
        // the bridge gives the whole weight, the Dutch levels up to it: the better of the two is the exact value
        if (same > 0) {
            dutch.add(constant(matchAll(), same));
        }
        ObjectNode disMax = Http.JSON.createObjectNode();
        ArrayNode queries = disMax.putObject("dis_max").put("tie_breaker", 0).putArray("queries");
        queries.add(constant(bridge, weight));
        if (!dutch.isEmpty()) {
            queries.add(boolShould(dutch));
        }
        should.add(disMax);
        return 0;
    }

    /**
     * Documents within the request's largest Dutch gap on every language skill, or bridged by English. On profile
     * documents: level at least requirement minus gap; on vacancy documents: requirement at most level plus gap.
     */
    private static ObjectNode languageGapFilter(int[] levels, ObjectNode bridge, int maxGap, boolean overProfiles) {
        List<ObjectNode> each = new ArrayList<>();
        for (LanguageSkill s : LanguageSkill.values()) {
            String field = ClusterDocuments.dutchField(s);
            int level = levels[s.ordinal()];
            if (overProfiles) {
                if (level - maxGap > 0) {
                    each.add(range(field, level - maxGap, null));
                }
            } else {
                each.add(range(field, null, level + maxGap));
            }
        }
        ObjectNode dutch = each.isEmpty() ? matchAll() : allOf(each);
        return bridge == null ? dutch : any(List.of(dutch, bridge));
    }

    // ---- small DSL helpers

    private static double floor(MatchRequest r) {
        if (r.minSkillFit() == null) {
            throw new IllegalStateException("the request's skill floor is not resolved to the matcher's default");
        }
        return r.minSkillFit();
    }

    private static void preference(List<ObjectNode> should, ObjectNode wanted, List<ObjectNode> nearOrWanted,
                                   ScoringWeights w) {
        should.add(constant(wanted, w.preference() * (Rules.WANTED - Rules.NEAR)));
        should.add(constant(any(nearOrWanted), w.preference() * Rules.NEAR));
    }

    private static ObjectNode bool(List<ObjectNode> filter, List<ObjectNode> should) {
        ObjectNode q = Http.JSON.createObjectNode();
        ObjectNode bool = q.putObject("bool");
        ArrayNode f = bool.putArray("filter");
        filter.forEach(f::add);
        if (filter.isEmpty()) {
            f.add(matchAll());
        }
        ArrayNode s = bool.putArray("should");
        should.forEach(s::add);
        return q;
    }

    private static ObjectNode boolShould(List<ObjectNode> clauses) {
        ObjectNode q = Http.JSON.createObjectNode();
        ArrayNode s = q.putObject("bool").putArray("should");
        clauses.forEach(s::add);
        return q;
    }

    private static ObjectNode any(List<ObjectNode> clauses) {
        if (clauses.size() == 1) {
            return clauses.get(0);
        }
        ObjectNode q = Http.JSON.createObjectNode();
        ObjectNode bool = q.putObject("bool");
        ArrayNode s = bool.putArray("should");
        clauses.forEach(s::add);
        bool.put("minimum_should_match", 1);
        return q;
    }

    private static ObjectNode allOf(List<ObjectNode> clauses) {
        ObjectNode q = Http.JSON.createObjectNode();
        ArrayNode f = q.putObject("bool").putArray("filter");
        clauses.forEach(f::add);
        return q;
    }

    private static ObjectNode absentOr(String field, ObjectNode clause) {
        ObjectNode missing = Http.JSON.createObjectNode();
        missing.putObject("bool").putArray("must_not").addObject().putObject("exists").put("field", field);
        return any(List.of(missing, clause));
    }

    private static ObjectNode matchAll() {
        ObjectNode q = Http.JSON.createObjectNode();
        q.putObject("match_all");
        return q;
    }

    private static ObjectNode term(String field, Object value) {
        ObjectNode q = Http.JSON.createObjectNode();
        ObjectNode t = q.putObject("term");
        if (value instanceof Boolean b) {
            t.put(field, b);
        } else if (value instanceof Integer i) {
            t.put(field, i);
        } else {
            t.put(field, value.toString());
        }
        return q;
    }

    private static ObjectNode terms(String field, java.util.Collection<String> values) {
        ObjectNode q = Http.JSON.createObjectNode();
        ArrayNode a = q.putObject("terms").putArray(field);
        values.forEach(a::add);
        return q;
    }

    private static ObjectNode range(String field, Number gte, Number lte) {
        ObjectNode q = Http.JSON.createObjectNode();
        ObjectNode r = q.putObject("range").putObject(field);
        if (gte != null) {
            r.put("gte", gte.longValue());
        }
        if (lte != null) {
            r.put("lte", lte.longValue());
        }
        return q;
    }

    private static ObjectNode constant(ObjectNode filter, double boost) {
        ObjectNode q = Http.JSON.createObjectNode();
        ObjectNode c = q.putObject("constant_score");
        c.set("filter", filter);
        c.put("boost", (float) boost);
        return q;
    }

    private static ObjectNode rankFeature(String field, int concept, double boost) {
        ObjectNode q = Http.JSON.createObjectNode();
        ObjectNode f = q.putObject("rank_feature");
        f.put("field", field + "." + ClusterDocuments.feature(concept));
        f.putObject("linear");
        f.put("boost", (float) boost);
        return q;
    }

    private static ObjectNode distanceFeature(GeoPoint origin, ScoringWeights w) {
        ObjectNode q = Http.JSON.createObjectNode();
        ObjectNode f = q.putObject("distance_feature");
        f.put("field", "point");
        f.putObject("origin").put("lat", origin.lat()).put("lon", origin.lon());
        f.put("pivot", w.distancePivotKm() + "km");
        f.put("boost", (float) w.distance());
        return q;
    }

    private static ObjectNode geoDistance(GeoPoint center, double km) {
        ObjectNode q = Http.JSON.createObjectNode();
        ObjectNode g = q.putObject("geo_distance");
        g.put("distance", km + "km");
        g.putObject("point").put("lat", center.lat()).put("lon", center.lon());
        return q;
    }
}
