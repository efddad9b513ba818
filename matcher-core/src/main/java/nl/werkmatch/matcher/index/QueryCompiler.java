package nl.werkmatch.matcher.index;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.geo.GeoPoint;
import nl.werkmatch.matcher.model.Cefr;
import nl.werkmatch.matcher.model.EducationLevel;
import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.model.JobType;
import nl.werkmatch.matcher.model.LanguageSkill;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.model.WorkAuthorization;
import nl.werkmatch.matcher.scoring.PairScorer;
import nl.werkmatch.matcher.scoring.PreparedProfile;
import nl.werkmatch.matcher.scoring.PreparedVacancy;
import nl.werkmatch.matcher.scoring.ScoringWeights;

/**
 * Compiles one side of a pair and a request into a Lucene query whose score is the pair score minus a
 * constant (the parts every admitted document shares), up to a small known error: the distance feature works on
 * quantized points, and Lucene adds in float. The query is a disjunction of SHOULD clauses (one per
 * skill, constant-score clauses for language, level and preference, a distance feature) with FILTER clauses for
 * the hard filters, so Lucene's top-k can skip documents that cannot compete.
 */
final class QueryCompiler {

    /** A compiled query: Lucene score + constant approximates the exact score within maxError. */
    record Compiled(Query query, double constant, double maxError) {
        static final Compiled NOTHING = new Compiled(new MatchNoDocsQuery("a hard filter excludes every match"), 0, 0);

        boolean matchesNothing() {
            return query instanceof MatchNoDocsQuery;
        }
    }

    private QueryCompiler() {
    }

    /** Bound on |lucene + constant - exact| for the given weights. */
    static double maxError(ScoringWeights w) {
        // Skill features are exact (PairScorer defines them at FeatureField precision). The distance feature sees
        // points quantized to ~1 cm and a haversine within 0.4 m of the exact one; as |d f/d km| <= 1/pivot, 2 m of
        // slack bounds it. Float weights and sums add well under 1e-5.
        return w.distance() * 0.002 / w.distancePivotKm() + 1e-5;
    }

    // ---- candidates for a vacancy: the query runs over profile documents

    static Compiled candidatesFor(PreparedVacancy pv, MatchRequest r, ScoringWeights w, LocalDate today,
                                  Set<String> regions) {
        Vacancy v = pv.vacancy();
        if (!PairFilter.open(v, r, today)) {
            return Compiled.NOTHING;
        }
        if (!r.jobTypes().isEmpty() && !r.jobTypes().contains(v.jobType())) {
            return Compiled.NOTHING;
        }
        List<String> auths = new ArrayList<>();
        for (WorkAuthorization a : WorkAuthorization.values()) {
            if (PairFilter.authorized(a, v.permitSponsored())
                    && (r.workAuthorizations().isEmpty() || r.workAuthorizations().contains(a))) {
                auths.add(a.name());
            }
        }
        if (auths.isEmpty()) {
            return Compiled.NOTHING;
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        double constant = 0;

        if (w.skills() > 0 && pv.requiredCount() > 0) {
            for (int i = 0; i < pv.requiredCount(); i++) {
                double weight = w.skills() * pv.share(i);
                q.add(FeatureField.newLinearQuery(Fields.SKILL, Documents.term(pv.requiredConcept(i)), (float) weight),
                        Occur.SHOULD);
            }
        }

        Cefr accepted = v.englishAccepted();
        Query englishBridges = accepted == Cefr.NONE ? null : terms(Fields.ENGLISH, ranks(accepted.rank(), Cefr.C2.rank()));
        double perSkill = w.language() / 4;
        for (LanguageSkill s : LanguageSkill.values()) {
            int req = PairScorer.effectiveRequirement(v, s).rank();
            String field = Fields.dutch(s);
            if (req == 0) {
                constant += perSkill;
            } else if (perSkill > 0) {
                Query full = or(terms(field, ranks(req, Cefr.C2.rank())), englishBridges);
                q.add(boost(full, perSkill), Occur.SHOULD);
                Query half = andNot(terms(field, ranks(req - 1, req - 1)), englishBridges);
                q.add(boost(half, perSkill / 2), Occur.SHOULD);
            }
            int lowest = req - r.maxLanguageGap();
            if (lowest > 0) {
                q.add(or(terms(field, ranks(lowest, Cefr.C2.rank())), englishBridges), Occur.FILTER);
            }
        }

        if (v.remote()) {
            constant += w.distance();
        } else if (w.distance() > 0) {
            q.add(LatLonPoint.newDistanceFeatureQuery(Fields.LOC, (float) w.distance(), pv.point().lat(),
                    pv.point().lon(), w.distancePivotKm() * 1000), Occur.SHOULD);
        }

        EducationLevel job = v.educationLevel();
        if (job == EducationLevel.NONE) {
            constant += w.level();
        } else if (w.level() > 0) {
            Map<Double, List<String>> byFit = new LinkedHashMap<>();
            for (EducationLevel c : EducationLevel.values()) {
                double fit = PairScorer.levelFit(c.ordinal() - job.ordinal());
                if (fit > 0) {
                    byFit.computeIfAbsent(fit, f -> new ArrayList<>()).add(c.name());
                }
            }
            byFit.forEach((fit, levels) -> q.add(boost(terms(Fields.EDUCATION, levels), w.level() * fit), Occur.SHOULD));
        }

        if (pv.occupation() >= 0 && w.preference() > 0) {
            Query wanted = new TermQuery(new Term(Fields.WANT, v.occupation()));
            BooleanQuery.Builder near = new BooleanQuery.Builder().add(wanted, Occur.SHOULD);
            if (pv.iscoGroup() != null) {
                near.add(new TermQuery(new Term(Fields.WANT_GROUP, pv.iscoGroup())), Occur.SHOULD);
            }
            if (pv.sector() != null) {
                near.add(new TermQuery(new Term(Fields.WANT_SECTOR, pv.sector())), Occur.SHOULD);
            }
            // wanted: both clauses (0.5 + 0.5); same group or sector only: the second (0.5)
            q.add(boost(wanted, w.preference() / 2), Occur.SHOULD);
            q.add(boost(near.build(), w.preference() / 2), Occur.SHOULD);
        }

        q.add(terms(Fields.AUTH, auths), Occur.FILTER);
        q.add(terms(Fields.JOB_TYPE, List.of(v.jobType().name(), Fields.ANY_JOB_TYPE)), Occur.FILTER);
        q.add(IntPoint.newRangeQuery(Fields.HOURS_MIN, Integer.MIN_VALUE, v.hours().max()), Occur.FILTER);
        q.add(IntPoint.newRangeQuery(Fields.HOURS_MAX, v.hours().min(), Integer.MAX_VALUE), Occur.FILTER);
        if (v.openUntil() != null) {
            q.add(LongPoint.newRangeQuery(Fields.AVAILABLE_FROM, Long.MIN_VALUE, v.openUntil().toEpochDay()), Occur.FILTER);
        }
        if (!v.remote()) {
            Double within = r.withinKm();
            if (within != null) {
                // a slightly larger circle narrows cheaply; the predicate below decides exactly
                q.add(LatLonPoint.newDistanceQuery(Fields.LOC, pv.point().lat(), pv.point().lon(), within * 1000 + 1000),
                        Occur.FILTER);
            }
            if (within != null || !r.ignoreTravelLimit()) {
                q.add(new DocPredicateQuery(travelPredicate(pv.point(), within, !r.ignoreTravelLimit()), 50f), Occur.FILTER);
            }
        }
        if (!regions.isEmpty()) {
            q.add(terms(Fields.REGION, regions), Occur.FILTER);
        }
        if (r.requireEssentialSkills()) {
            for (int i = 0; i < pv.requiredCount(); i++) {
                if (pv.importance(i) == Importance.ESSENTIAL) {
                    q.add(new TermQuery(new Term(Fields.SKILL, Documents.term(pv.requiredConcept(i)))), Occur.FILTER);
                }
            }
        }
        return finish(q, constant, w);
    }

    // ---- vacancies for a profile: the query runs over vacancy documents

    static Compiled vacanciesFor(PreparedProfile pp, MatchRequest r, ScoringWeights w, LocalDate today,
                                 Set<String> regions) {
        Profile p = pp.profile();
        if (p.workAuthorization() == WorkAuthorization.NOT_ALLOWED
                || (!r.workAuthorizations().isEmpty() && !r.workAuthorizations().contains(p.workAuthorization()))) {
            return Compiled.NOTHING;
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        double constant = 0;

        if (w.skills() > 0) {
            for (int i = 0; i < pp.coveredCount(); i++) {
                q.add(FeatureField.newLinearQuery(Fields.REQ, Documents.term(pp.coveredConcept(i)),
                        (float) (w.skills() * pp.coveredCredit(i))), Occur.SHOULD);
            }
        }

        int english = p.english().rank();
        Query englishBridges = english == 0 ? null : terms(Fields.ENGLISH, ranks(1, english));
        double perSkill = w.language() / 4;
        for (LanguageSkill s : LanguageSkill.values()) {
            int has = p.dutch().get(s).rank();
            String field = Fields.dutch(s);
            if (perSkill > 0) {
                q.add(boost(or(terms(field, ranks(0, has)), englishBridges), perSkill), Occur.SHOULD);
                if (has + 1 <= Cefr.C2.rank()) {
                    q.add(boost(andNot(terms(field, ranks(has + 1, has + 1)), englishBridges), perSkill / 2), Occur.SHOULD);
                }
            }
            int highest = has + r.maxLanguageGap();
            if (highest < Cefr.C2.rank()) {
                q.add(or(terms(field, ranks(0, highest)), englishBridges), Occur.FILTER);
            }
        }

        if (w.distance() > 0) {
            q.add(LatLonPoint.newDistanceFeatureQuery(Fields.LOC, (float) w.distance(), pp.point().lat(),
                    pp.point().lon(), w.distancePivotKm() * 1000), Occur.SHOULD);
            q.add(boost(new TermQuery(new Term(Fields.REMOTE, Fields.TRUE)), w.distance()), Occur.SHOULD);
        }

        if (w.level() > 0) {
            int cand = p.education().level().ordinal();
            Map<Double, List<String>> byFit = new LinkedHashMap<>();
            for (EducationLevel job : EducationLevel.values()) {
                double fit = job == EducationLevel.NONE ? 1 : PairScorer.levelFit(cand - job.ordinal());
                if (fit > 0) {
                    byFit.computeIfAbsent(fit, f -> new ArrayList<>()).add(job.name());
                }
            }
            byFit.forEach((fit, levels) -> q.add(boost(terms(Fields.EDUCATION, levels), w.level() * fit), Occur.SHOULD));
        }

        if (!p.wantedOccupations().isEmpty() && w.preference() > 0) {
            Query wanted = terms(Fields.OCCUPATION, p.wantedOccupations());
            BooleanQuery.Builder near = new BooleanQuery.Builder().add(wanted, Occur.SHOULD);
            if (!pp.wantedIscoGroups().isEmpty()) {
                near.add(terms(Fields.ISCO_GROUP, pp.wantedIscoGroups()), Occur.SHOULD);
            }
            if (!pp.wantedSectors().isEmpty()) {
                near.add(terms(Fields.SECTOR, pp.wantedSectors()), Occur.SHOULD);
            }
            q.add(boost(wanted, w.preference() / 2), Occur.SHOULD);
            q.add(boost(near.build(), w.preference() / 2), Occur.SHOULD);
        }

        if (p.workAuthorization() == WorkAuthorization.PERMIT_REQUIRED) {
            q.add(new TermQuery(new Term(Fields.PERMIT, Fields.TRUE)), Occur.FILTER);
        }
        if (!p.jobTypes().isEmpty()) {
            q.add(terms(Fields.JOB_TYPE, p.jobTypes().stream().map(JobType::name).toList()), Occur.FILTER);
        }
        if (!r.jobTypes().isEmpty()) {
            q.add(terms(Fields.JOB_TYPE, r.jobTypes().stream().map(JobType::name).toList()), Occur.FILTER);
        }
        q.add(IntPoint.newRangeQuery(Fields.HOURS_MIN, Integer.MIN_VALUE, p.hours().max()), Occur.FILTER);
        q.add(IntPoint.newRangeQuery(Fields.HOURS_MAX, p.hours().min(), Integer.MAX_VALUE), Occur.FILTER);
        LocalDate openOn = r.openOn();
        LocalDate notClosedBefore = openOn != null ? openOn : today;
        if (p.availableFrom() != null && p.availableFrom().isAfter(notClosedBefore)) {
            notClosedBefore = p.availableFrom();
        }
        q.add(LongPoint.newRangeQuery(Fields.OPEN_UNTIL, notClosedBefore.toEpochDay(), Long.MAX_VALUE), Occur.FILTER);
        if (openOn != null) {
            q.add(LongPoint.newRangeQuery(Fields.OPEN_FROM, Long.MIN_VALUE, openOn.toEpochDay()), Occur.FILTER);
        }
        Double limit = r.withinKm();
        if (!r.ignoreTravelLimit() && p.maxTravelKm() != null) {
            limit = limit == null ? p.maxTravelKm().doubleValue() : Math.min(limit, p.maxTravelKm());
        }
        if (limit != null) {
            Query near = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(Fields.REMOTE, Fields.TRUE)), Occur.SHOULD)
                    .add(LatLonPoint.newDistanceQuery(Fields.LOC, pp.point().lat(), pp.point().lon(), limit * 1000 + 1000),
                            Occur.SHOULD)
                    .build();
            q.add(near, Occur.FILTER);
            q.add(new DocPredicateQuery(withinPredicate(pp.point(), limit), 50f), Occur.FILTER);
        }
        if (!regions.isEmpty()) {
            q.add(terms(Fields.REGION, regions), Occur.FILTER);
        }
        if (r.requireEssentialSkills()) {
            q.add(new DocPredicateQuery(essentialsPredicate(pp), 100f), Occur.FILTER);
        }
        return finish(q, constant, w);
    }

    /**
     * Lucene runs a filtered disjunction on its MaxScore top-k scorer only when at least one SHOULD clause must
     * match. A zero-scoring match-all clause keeps documents that match nothing but the filters (their score is
     * the constant alone) while letting that scorer prune: once k documents score above zero it never looks at
     * the clause again.
     */
    private static Compiled finish(BooleanQuery.Builder q, double constant, ScoringWeights w) {
        q.add(new BoostQuery(new ConstantScoreQuery(new MatchAllDocsQuery()), 0f), Occur.SHOULD);
        q.setMinimumNumberShouldMatch(1);
        return new Compiled(q.build(), constant, maxError(w));
    }

    // ---- per-document predicates

    /** Profiles within {@code withinKm} of the vacancy and, if asked, within their own travel limit. */
    private static DocPredicateQuery.Predicate travelPredicate(GeoPoint vacancy, Double withinKm, boolean ownLimit) {
        return new DocPredicateQuery.Predicate() {
            @Override
            public DocPredicateQuery.LeafTest open(LeafReader reader) throws IOException {
                NumericDocValues lat = DocValues.getNumeric(reader, Fields.LAT);
                NumericDocValues lon = DocValues.getNumeric(reader, Fields.LON);
                NumericDocValues travel = DocValues.getNumeric(reader, Fields.TRAVEL);
                return doc -> {
                    if (!lat.advanceExact(doc) || !lon.advanceExact(doc) || !travel.advanceExact(doc)) {
                        return false;
                    }
                    long own = travel.longValue();
                    double limit = withinKm == null ? Double.POSITIVE_INFINITY : withinKm;
                    if (ownLimit && own >= 0) {
                        limit = Math.min(limit, own);
                    }
                    return limit == Double.POSITIVE_INFINITY || Distances.within(Double.longBitsToDouble(lat.longValue()),
                            Double.longBitsToDouble(lon.longValue()), vacancy, limit, true);
                };
            }

            @Override
            public String describe() {
                return "travel(" + vacancy + "," + withinKm + "," + ownLimit + ")";
            }
        };
    }

    /** Vacancies that are remote or within {@code limitKm} of the profile. */
    private static DocPredicateQuery.Predicate withinPredicate(GeoPoint profile, double limitKm) {
        return new DocPredicateQuery.Predicate() {
            @Override
            public DocPredicateQuery.LeafTest open(LeafReader reader) throws IOException {
                NumericDocValues remote = DocValues.getNumeric(reader, Fields.REMOTE);
                NumericDocValues lat = DocValues.getNumeric(reader, Fields.LAT);
                NumericDocValues lon = DocValues.getNumeric(reader, Fields.LON);
                return doc -> {
                    if (remote.advanceExact(doc) && remote.longValue() == 1) {
                        return true;
                    }
                    if (!lat.advanceExact(doc) || !lon.advanceExact(doc)) {
                        return false;
                    }
                    return Distances.within(Double.longBitsToDouble(lat.longValue()),
                            Double.longBitsToDouble(lon.longValue()), profile, limitKm, false);
                };
            }

            @Override
            public String describe() {
                return "within(" + profile + "," + limitKm + ")";
            }
        };
    }

    /** Vacancies all of whose essential skills the profile covers. */
    private static DocPredicateQuery.Predicate essentialsPredicate(PreparedProfile pp) {
        int[] covered = new int[pp.coveredCount()];
        for (int i = 0; i < covered.length; i++) {
            covered[i] = pp.coveredConcept(i);
        }
        return new DocPredicateQuery.Predicate() {
            @Override
            public DocPredicateQuery.LeafTest open(LeafReader reader) throws IOException {
                SortedNumericDocValues essential = DocValues.getSortedNumeric(reader, Fields.ESSENTIAL);
                return doc -> {
                    if (!essential.advanceExact(doc)) {
                        return true;   // no essential skills
                    }
                    for (int i = 0; i < essential.docValueCount(); i++) {
                        if (Arrays.binarySearch(covered, (int) essential.nextValue()) < 0) {
                            return false;
                        }
                    }
                    return true;
                };
            }

            @Override
            public String describe() {
                return "essentials(" + pp.id() + "," + Arrays.hashCode(covered) + ")";
            }
        };
    }

    // ---- small query helpers

    private static List<String> ranks(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = Math.max(0, from); i <= Math.min(to, Cefr.C2.rank()); i++) {
            out.add(Documents.rank(i));
        }
        return out;
    }

    private static Query terms(String field, java.util.Collection<String> values) {
        if (values.size() == 1) {
            return new TermQuery(new Term(field, values.iterator().next()));
        }
        TreeSet<BytesRef> refs = new TreeSet<>();
        for (String v : values) {
            refs.add(new BytesRef(v));
        }
        return new TermInSetQuery(field, refs);
    }

    private static Query or(Query a, Query b) {
        if (b == null) {
            return a;
        }
        return new BooleanQuery.Builder().add(a, Occur.SHOULD).add(b, Occur.SHOULD).build();
    }

    private static Query andNot(Query a, Query not) {
        if (not == null) {
            return a;
        }
        return new BooleanQuery.Builder().add(a, Occur.FILTER).add(not, Occur.MUST_NOT).build();
    }

    private static Query boost(Query q, double boost) {
        return new BoostQuery(new ConstantScoreQuery(q), (float) boost);
    }
}
