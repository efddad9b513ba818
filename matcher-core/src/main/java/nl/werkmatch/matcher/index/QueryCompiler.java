package nl.werkmatch.matcher.index;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.lucene.document.FeatureField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.geo.GeoPoint;
import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.model.JobType;
import nl.werkmatch.matcher.model.LanguageSkill;
import nl.werkmatch.matcher.model.WorkAuthorization;
import nl.werkmatch.matcher.internal.Rules;
import nl.werkmatch.matcher.internal.Scorer;
import nl.werkmatch.matcher.internal.PreparedProfile;
import nl.werkmatch.matcher.internal.PreparedVacancy;
import nl.werkmatch.matcher.scoring.ScoringWeights;

/**
 * Compiles one side of a pair and a request into a Lucene query whose score is the pair score minus a
 * constant (the parts every admitted document shares), up to a small known error: the distance clause uses a fast
 * haversine, and Lucene adds in float. The query is a disjunction of SHOULD clauses (one feature per skill, one
 * clause for language and level from packed attributes, one for distance, constant-score clauses for preference)
 * with a place-range FILTER clause where a distance limit applies, so Lucene's top-k can skip documents that
 * cannot compete; the other hard filters are a post filter on collected documents ({@link PostFilteredTopDocs}).
 */
final class QueryCompiler {

    /**
     * A compiled query: for every document it matches that also passes {@code postFilter} (null: all do), Lucene's
     * score plus the constant approximates the exact score within maxError.
     */
    record Compiled(Query query, DocPredicateQuery.Predicate postFilter, double constant, double maxError) {
        static final Compiled NOTHING = new Compiled(new MatchNoDocsQuery("a hard filter excludes every match"), null, 0, 0);

        boolean matchesNothing() {
            return query instanceof MatchNoDocsQuery;
        }

        /** The same query, scores and post filter, matching only what {@code filter} matches too. */
        Compiled restrictedTo(Query filter) {
            if (matchesNothing()) {
                return this;
            }
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            int minimumShouldMatch = 0;
            if (query instanceof BooleanQuery bool) {
                bool.clauses().forEach(b::add);
                minimumShouldMatch = bool.getMinimumNumberShouldMatch();
            } else {
                b.add(query, Occur.MUST);
            }
            b.add(filter, Occur.FILTER).setMinimumNumberShouldMatch(minimumShouldMatch);
            return new Compiled(b.build(), postFilter, constant, maxError);
        }

        /** The best n documents that match and pass the post filter. */
        TopDocs search(IndexSearcher searcher, int n) throws IOException {
            if (postFilter == null) {
                return searcher.search(query, n);
            }
            return searcher.search(query, new PostFilteredTopDocs(n, postFilter));
        }
    }

    private QueryCompiler() {
    }

    /** Bound on |lucene + constant - exact| for the given weights. */
    static double maxError(ScoringWeights w) {
        // Skill features are exact (Scorer defines them at FeatureField precision). The distance clause uses
        // the exact points and Lucene's fast haversine, within 0.4 m of the exact one; as |d f/d km| <= 1/pivot, 2 m of
        // slack bounds it. Float weights and sums add well under 1e-5.
        return w.distance() * 0.002 / w.distancePivotKm() + 1e-5;
    }

    // ---- candidates for a vacancy: the query runs over profile documents

    static Compiled candidatesFor(PreparedVacancy v, MatchRequest r, ScoringWeights w, LocalDate today,
                                  Set<String> regions) {
        int auths = candidateAuthorizations(v, r, today);
        if (auths == 0) {
            return Compiled.NOTHING;
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        double constant = 0;

        if (w.skills() > 0 && v.requiredCount() > 0) {
            for (int i = 0; i < v.requiredCount(); i++) {
                double weight = w.skills() * v.share(i);
                q.add(FeatureField.newLinearQuery(Fields.SKILL, Documents.term(v.requiredConcept(i)), (float) weight),
                        Occur.SHOULD);
            }
        }

        int[] required = requiredRanks(v);
        int accepted = v.englishAccepted().rank();
        int job = v.education().ordinal();
        if (w.language() > 0 || w.level() > 0) {
            q.add(new AttributeScoreQuery(candidateFit(v, w), w.language() + w.level(), true, "candidateFit(" + Arrays.toString(required) + "," + accepted + "," + job + ","
                    + w.language() + "," + w.level() + ")"), Occur.SHOULD);
        }

        if (v.remote()) {
            constant += w.distance();
        } else if (w.distance() > 0) {
            q.add(new DistanceScoreQuery(v.point(), w.distance(), w.distancePivotKm()), Occur.SHOULD);
        }

        if (v.occupation() >= 0 && w.preference() > 0) {
            Query wanted = new TermQuery(new Term(Fields.WANT, Documents.occupationTerm(v.occupation())));
            BooleanQuery.Builder near = new BooleanQuery.Builder().add(wanted, Occur.SHOULD);
            if (v.iscoGroup() != null) {
                near.add(new TermQuery(new Term(Fields.WANT_GROUP, v.iscoGroup())), Occur.SHOULD);
            }
            if (v.sector() != null) {
                near.add(new TermQuery(new Term(Fields.WANT_SECTOR, v.sector())), Occur.SHOULD);
            }
            preference(q, wanted, near.build(), w);
        }

        Double within = candidateFilterClauses(q, v, r, regions);
        boolean everyDocument = w.language() > 0 || w.level() > 0 || (!v.remote() && w.distance() > 0);
        DocPredicateQuery.Predicate filter = profileFilter(v, r, auths, required, accepted, within);
        if (floor(r) <= 0) {
            return finish(q, everyDocument, filter, constant, w);
        }
        // a profile covering none of the required concepts has skills 0 and fails any floor above 0
        if (v.requiredCount() == 0) {
            return Compiled.NOTHING;
        }
        String[] concepts = new String[v.requiredCount()];
        double[] shares = new double[v.requiredCount()];
        for (int i = 0; i < v.requiredCount(); i++) {
            concepts[i] = Documents.term(v.requiredConcept(i));
            shares[i] = v.share(i);
        }
        // a deep page's window fills with profiles under the floor unless they are summed out (SkillFloorTest)
        SkillFloorTest skills = r.offset() + r.k() >= SUM_SKILLS_FROM
                ? new SkillFloorTest(Fields.SKILL, concepts, shares, floor(r))
                : SkillFloorTest.holdsAny(Fields.SKILL, concepts);
        return finish(q, everyDocument, SkillFloorTest.both(filter, skills), constant, w);
    }

    /**
     * The skills value of the profiles for a vacancy, as a query over profile documents: one linear feature clause
     * per required concept, weighted by its share, so Lucene's score is {@link Scorer#skillsValue} up to the float
     * rounding of its sum (credits and shares are stored at FeatureField precision, see {@link Scorer#indexable}, so
     * every product of two 9-bit mantissas is exact in float), under the filter clauses and the hard-filter post
     * filter of {@link #candidatesFor}. It matches only profiles holding a required concept: the others have skills
     * 0. With the skill floor as the minimum score, Lucene skips whoever cannot reach it, and only the borderline
     * needs a decoded profile: the audit's eligible counts.
     */
    static Compiled skillsOfCandidates(PreparedVacancy v, MatchRequest r, LocalDate today, Set<String> regions) {
        int auths = candidateAuthorizations(v, r, today);
        if (auths == 0 || v.requiredCount() == 0) {
            return Compiled.NOTHING;
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        for (int i = 0; i < v.requiredCount(); i++) {
            q.add(FeatureField.newLinearQuery(Fields.SKILL, Documents.term(v.requiredConcept(i)), (float) v.share(i)),
                    Occur.SHOULD);
        }
        Double within = candidateFilterClauses(q, v, r, regions);
        int[] required = requiredRanks(v);
        q.setMinimumNumberShouldMatch(1);
        // each addition of a float sum of values below 1 rounds by at most half an ulp of 1
        double sumError = (v.requiredCount() + 1) * 0x1p-24;
        return new Compiled(q.build(), profileFilter(v, r, auths, required, v.englishAccepted().rank(), within), 0,
                sumError);
    }

    /**
     * The language and level parts of a candidate's score for a vacancy, from the candidate's packed attributes.
     * Read for every candidate the top-k scorer looks at, so it is three table lookups: the weighted language fit
     * of listening and reading by their two ranks (6 bits), of speaking and writing likewise, each for English
     * bridging or not, and the weighted level fit by education. Fits are multiples of a half, so the sums are
     * exact; only the weighting may round differently from the scorer's, far inside the query's error bound.
     */
    static AttributeScoreQuery.Scoring candidateFit(PreparedVacancy v, ScoringWeights w) {
        int[] required = requiredRanks(v);
        int accepted = v.englishAccepted().rank();
        int job = v.education().ordinal();
        boolean[] bridges = new boolean[8];          // by the candidate's English rank
        double[] levels = new double[8];             // by the candidate's education
        for (int rank = 0; rank < 8; rank++) {
            bridges[rank] = Rules.englishBridges(rank, accepted);
            levels[rank] = w.level() * Rules.levelFit(job != 0, rank - job);
        }
        return fitTables(bridges, levels, w.language() / 4,
                (skill, rank, bridged) -> Rules.languageFit(Rules.languageGap(required[skill], rank, bridged)));
    }

    /** One skill's language fit by the document's rank of it. */
    private interface SkillFit {
        double fit(int skill, int rank, boolean bridged);
    }

    /**
     * The scoring of {@link #candidateFit} and the vacancies query's likewise: {@code bridges} and {@code levels}
     * by the document's English rank and education, the language fit of each pair of skills by the document's ranks.
     */
    private static AttributeScoreQuery.Scoring fitTables(boolean[] bridges, double[] levels, double languageWeight,
                                                         SkillFit fit) {
        double[] low = new double[2 * 64];    // [bridged][rank of skill 0][rank of skill 1]
        double[] high = new double[2 * 64];   // [bridged][rank of skill 2][rank of skill 3]
        for (int b = 0; b < 2; b++) {
            for (int pair = 0; pair < 64; pair++) {
                int r0 = pair & 7;
                int r1 = pair >>> 3;
                low[b * 64 + pair] = languageWeight * (fit.fit(0, r0, b == 1) + fit.fit(1, r1, b == 1));
                high[b * 64 + pair] = languageWeight * (fit.fit(2, r0, b == 1) + fit.fit(3, r1, b == 1));
            }
        }
        int[] offsets = new int[8];
        for (int rank = 0; rank < 8; rank++) {
            offsets[rank] = bridges[rank] ? 64 : 0;
        }
        return a -> {
            int b = offsets[Attributes.english(a)];
            return low[b + (int) (a & 63)] + high[b + (int) ((a >>> 6) & 63)] + levels[Attributes.education(a)];
        };
    }

    /** The Dutch rank a vacancy requires per language skill (by ordinal), after language support. */
    private static int[] requiredRanks(PreparedVacancy v) {
        int[] required = new int[LanguageSkill.values().length];
        for (LanguageSkill s : LanguageSkill.values()) {
            required[s.ordinal()] = v.dutchRequired(s).rank();
        }
        return required;
    }

    /** The work authorizations (bits by ordinal) a vacancy admits under a request; 0 when it admits nobody. */
    private static int candidateAuthorizations(PreparedVacancy v, MatchRequest r, LocalDate today) {
        if (!PairFilter.open(v, r, today)) {
            return 0;
        }
        if (!r.jobTypes().isEmpty() && !r.jobTypes().contains(v.jobType())) {
            return 0;
        }
        int auths = 0;
        for (WorkAuthorization a : WorkAuthorization.values()) {
            if (Rules.authorized(a, v.permitSponsored())
                    && (r.workAuthorizations().isEmpty() || r.workAuthorizations().contains(a))) {
                auths |= 1 << a.ordinal();
            }
        }
        return auths;
    }

    /**
     * Adds the filter clauses of a candidates query (place ranges, regions, essential skills); returns the distance
     * limit the post filter must decide exactly, or null.
     */
    private static Double candidateFilterClauses(BooleanQuery.Builder q, PreparedVacancy v, MatchRequest r,
                                                 Set<String> regions) {
        Double within = v.remote() ? null : r.withinKm();
        if (within != null) {
            // the runs of documents in a box around a slightly larger circle; the post filter decides exactly
            q.add(PlaceRangesQuery.around(v.point(), within + 1), Occur.FILTER);
        } else if (!v.remote() && !r.ignoreTravelLimit()) {
            // no request limit: still only where someone's own limit may reach from
            q.add(new TravelReachQuery(v.point()), Occur.FILTER);
        }
        if (!regions.isEmpty()) {
            q.add(terms(Fields.REGION, regions), Occur.FILTER);
        }
        if (r.requireEssentialSkills()) {
            for (int i = 0; i < v.requiredCount(); i++) {
                if (v.importance(i) == Importance.ESSENTIAL) {
                    q.add(new TermQuery(new Term(Fields.SKILL, Documents.term(v.requiredConcept(i)))), Occur.FILTER);
                }
            }
        }
        return within;
    }

    /**
     * From this page depth (offset + k) the candidates query sums the skills value to the floor for each collected
     * profile; shallower pages only ask for one required concept. Measured on the benchmark's 64 queries at 1M: the
     * sum cut top-100's p99 by a third and cost top-10 8% at p50.
     */
    static final int SUM_SKILLS_FROM = 40;

    // ---- vacancies for a profile: the query runs over vacancy documents

    static Compiled vacanciesFor(PreparedProfile p, MatchRequest r, ScoringWeights w, LocalDate today,
                                 Set<String> regions) {
        if (p.workAuthorization() == WorkAuthorization.NOT_ALLOWED
                || (!r.workAuthorizations().isEmpty() && !r.workAuthorizations().contains(p.workAuthorization()))) {
            return Compiled.NOTHING;
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        double constant = 0;

        if (w.skills() > 0) {
            for (int i = 0; i < p.coveredCount(); i++) {
                q.add(FeatureField.newLinearQuery(Fields.REQ, Documents.term(p.coveredConcept(i)),
                        (float) (w.skills() * p.coveredCredit(i))), Occur.SHOULD);
            }
        }

        int[] has = new int[LanguageSkill.values().length];
        for (LanguageSkill s : LanguageSkill.values()) {
            has[s.ordinal()] = p.dutch(s).rank();
        }
        int english = p.english().rank();
        int cand = p.education().ordinal();
        if (w.language() > 0 || w.level() > 0) {
            // as for candidates: table lookups by the vacancy's ranks
            boolean[] bridges = new boolean[8];          // by the English rank the vacancy accepts
            double[] levels = new double[8];             // by the job's education level
            for (int rank = 0; rank < 8; rank++) {
                bridges[rank] = Rules.englishBridges(english, rank);
                levels[rank] = w.level() * Rules.levelFit(rank != 0, cand - rank);
            }
            q.add(new AttributeScoreQuery(fitTables(bridges, levels, w.language() / 4,
                    (skill, rank, bridged) -> Rules.languageFit(Rules.languageGap(rank, has[skill], bridged))),
                    w.language() + w.level(), false, "vacancyFit(" + Arrays.toString(has) + "," + english + "," + cand + ","
                    + w.language() + "," + w.level() + ")"), Occur.SHOULD);
        }

        if (w.distance() > 0) {
            q.add(new DistanceScoreQuery(p.point(), w.distance(), w.distancePivotKm()), Occur.SHOULD);
            q.add(boost(new TermQuery(new Term(Fields.REMOTE, Fields.TRUE)), w.distance()), Occur.SHOULD);
        }

        int[] wantedOccupations = p.wantedOccupations();
        if (wantedOccupations.length > 0 && w.preference() > 0) {
            List<String> occupations = new ArrayList<>();
            for (int o : wantedOccupations) {
                occupations.add(Documents.occupationTerm(o));
            }
            Query wanted = terms(Fields.OCCUPATION, occupations);
            BooleanQuery.Builder near = new BooleanQuery.Builder().add(wanted, Occur.SHOULD);
            if (!p.wantedIscoGroups().isEmpty()) {
                near.add(terms(Fields.ISCO_GROUP, p.wantedIscoGroups()), Occur.SHOULD);
            }
            if (!p.wantedSectors().isEmpty()) {
                near.add(terms(Fields.SECTOR, p.wantedSectors()), Occur.SHOULD);
            }
            preference(q, wanted, near.build(), w);
        }

        int jobTypes = vacancyJobTypes(p, r);
        if (jobTypes == 0) {
            return Compiled.NOTHING;
        }
        LocalDate notClosedBefore = notClosedBefore(p, r, today);
        Double limit = vacancyFilterClauses(q, p, r, regions);
        DocPredicateQuery.Predicate holdsSkill = null;
        if (floor(r) > 0) {
            // a vacancy requiring none of the profile's covered concepts has skills 0 and fails any floor above 0
            if (p.coveredCount() == 0) {
                return Compiled.NOTHING;
            }
            int[] concepts = new int[p.coveredCount()];
            for (int i = 0; i < concepts.length; i++) {
                concepts[i] = p.coveredConcept(i);
            }
            holdsSkill = new RequiresAnyConcept(concepts);
        }
        boolean everyDocument = w.language() > 0 || w.level() > 0 || w.distance() > 0;
        DocPredicateQuery.Predicate filter = vacancyFilter(p, r, jobTypes, has, english, notClosedBefore, limit);
        return finish(q, everyDocument, holdsSkill == null ? filter : SkillFloorTest.both(filter, holdsSkill), constant, w);
    }

    /** The job types (bits by ordinal) a profile accepts under a request; 0 when none. */
    private static int vacancyJobTypes(PreparedProfile p, MatchRequest r) {
        int jobTypes = p.jobTypeMask() == 0 ? ~0 : p.jobTypeMask();
        if (!r.jobTypes().isEmpty()) {
            int asked = 0;
            for (JobType t : r.jobTypes()) {
                asked |= 1 << t.ordinal();
            }
            jobTypes &= asked;
        }
        return jobTypes;
    }

    /** The first day a vacancy may close and still be a match: the day asked, or the day the person is available. */
    private static LocalDate notClosedBefore(PreparedProfile p, MatchRequest r, LocalDate today) {
        LocalDate openOn = r.openOn();
        LocalDate notClosedBefore = openOn != null ? openOn : today;
        if (p.availableFrom() != null && p.availableFrom().isAfter(notClosedBefore)) {
            notClosedBefore = p.availableFrom();
        }
        return notClosedBefore;
    }

    /**
     * Adds the filter clauses of a vacancies query (remote or near, regions, essential skills); returns the distance
     * limit the post filter must decide exactly, or null.
     */
    private static Double vacancyFilterClauses(BooleanQuery.Builder q, PreparedProfile p, MatchRequest r,
                                               Set<String> regions) {
        Double limit = r.withinKm();
        if (!r.ignoreTravelLimit() && p.maxTravelKm() != null) {
            limit = limit == null ? p.maxTravelKm().doubleValue() : Math.min(limit, p.maxTravelKm());
        }
        if (limit != null) {
            Query near = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(Fields.REMOTE, Fields.TRUE)), Occur.SHOULD)
                    .add(PlaceRangesQuery.around(p.point(), limit + 1), Occur.SHOULD)
                    .build();
            q.add(near, Occur.FILTER);
        }
        if (!regions.isEmpty()) {
            q.add(terms(Fields.REGION, regions), Occur.FILTER);
        }
        if (r.requireEssentialSkills()) {
            q.add(new DocPredicateQuery(essentialsPredicate(p), 100f), Occur.FILTER);
        }
        return limit;
    }

    /**
     * Lucene runs a filtered disjunction on its MaxScore top-k scorer only when at least one SHOULD clause must
     * match. The language-and-level and distance clauses match every document ({@code everyDocument}: one of them
     * is in the query), so documents that match nothing else keep their score; without either, a zero-scoring
     * match-all clause does that job while letting the scorer prune: once k documents score above zero it never
     * looks at the clause again.
     */
    private static Compiled finish(BooleanQuery.Builder q, boolean everyDocument,
                                   DocPredicateQuery.Predicate postFilter, double constant, ScoringWeights w) {
        if (!everyDocument) {
            q.add(new BoostQuery(new ConstantScoreQuery(new MatchAllDocsQuery()), 0f), Occur.SHOULD);
        }
        q.setMinimumNumberShouldMatch(1);
        return new Compiled(q.build(), postFilter, constant, maxError(w));
    }

    // ---- per-document predicates

    /**
     * Every hard filter a profile document must pass for this vacancy, from its packed attributes and doc values:
     * authorization, job type, hours, availability, the Dutch gap, and distance (the request's limit and, unless
     * ignored, the candidate's own). Cheapest tests first.
     */
    private static DocPredicateQuery.Predicate profileFilter(PreparedVacancy v, MatchRequest r, int auths,
                                                             int[] required, int accepted, Double withinKm) {
        int jobTypeBit = 1 << v.jobType().ordinal();
        int hoursMin = v.hours().min();
        int hoursMax = v.hours().max();
        long openUntil = Documents.epochDay(v.openUntil(), Long.MAX_VALUE);
        int maxGap = r.maxLanguageGap();
        boolean ownLimit = !r.ignoreTravelLimit() && !v.remote();
        GeoPoint point = v.point();
        return new OnSummary() {
            @Override
            DocPredicateQuery.LeafTest open(LeafReader reader, SegmentSummary summary) throws IOException {
                NumericDocValues avail = DocValues.getNumeric(reader, Fields.AVAILABLE_FROM);
                long[] attributes = summary.attributes;
                double[] lats = summary.lats;
                double[] lons = summary.lons;
                short[] travel = summary.travelKm;
                Distances.From near = new Distances.From(point, true);
                return doc -> {
                    long a = attributes[doc];
                    if ((auths & (1 << Attributes.authorization(a))) == 0) {
                        return false;
                    }
                    int types = Attributes.jobTypeMask(a);
                    if (types != 0 && (types & jobTypeBit) == 0) {
                        return false;
                    }
                    if (!Rules.hoursOverlap(Attributes.hoursMin(a), Attributes.hoursMax(a), hoursMin, hoursMax)) {
                        return false;
                    }
                    boolean bridged = Rules.englishBridges(Attributes.english(a), accepted);
                    for (int s = 0; s < required.length; s++) {
                        if (Rules.languageGap(required[s], Attributes.dutch(a, s), bridged) > maxGap) {
                            return false;
                        }
                    }
                    if (openUntil != Long.MAX_VALUE && avail.advanceExact(doc)
                            && !Rules.availableInTime(avail.longValue(), openUntil)) {
                        return false;
                    }
                    double limit = withinKm == null ? Double.POSITIVE_INFINITY : withinKm;
                    if (ownLimit && travel != null && travel[doc] >= 0) {
                        limit = Math.min(limit, travel[doc]);
                    }
                    if (limit == Double.POSITIVE_INFINITY) {
                        return true;
                    }
                    return !Double.isNaN(lats[doc]) && near.within(lats[doc], lons[doc], limit);
                };
            }

            @Override
            public String describe() {
                return "profileFilter(" + auths + "," + jobTypeBit + "," + hoursMin + "-" + hoursMax + "," + openUntil
                        + "," + Arrays.toString(required) + "," + accepted + "," + maxGap + "," + point + "," + withinKm
                        + "," + ownLimit + ")";
            }
        };
    }

    /** Every hard filter a vacancy document must pass for this profile; see {@link #profileFilter}. */
    private static DocPredicateQuery.Predicate vacancyFilter(PreparedProfile p, MatchRequest r, int jobTypes, int[] has,
                                                             int english, LocalDate notClosedBefore, Double limitKm) {
        WorkAuthorization authorization = p.workAuthorization();
        int hoursMin = p.hours().min();
        int hoursMax = p.hours().max();
        long notBefore = notClosedBefore.toEpochDay();
        long openOn = r.openOn() == null ? Long.MAX_VALUE : r.openOn().toEpochDay();
        int maxGap = r.maxLanguageGap();
        GeoPoint point = p.point();
        return new OnSummary() {
            @Override
            DocPredicateQuery.LeafTest open(LeafReader reader, SegmentSummary summary) throws IOException {
                long[] attributes = summary.attributes;
                double[] lats = summary.lats;
                double[] lons = summary.lons;
                Distances.From near = new Distances.From(point, false);
                NumericDocValues openFrom = DocValues.getNumeric(reader, Fields.OPEN_FROM);
                NumericDocValues openUntil = DocValues.getNumeric(reader, Fields.OPEN_UNTIL);
                return doc -> {
                    long a = attributes[doc];
                    if (!Rules.authorized(authorization, Attributes.permitSponsored(a))) {
                        return false;
                    }
                    if ((jobTypes & (1 << Attributes.jobType(a))) == 0) {
                        return false;
                    }
                    if (!Rules.hoursOverlap(hoursMin, hoursMax, Attributes.hoursMin(a), Attributes.hoursMax(a))) {
                        return false;
                    }
                    boolean bridged = Rules.englishBridges(english, Attributes.english(a));
                    for (int s = 0; s < has.length; s++) {
                        if (Rules.languageGap(Attributes.dutch(a, s), has[s], bridged) > maxGap) {
                            return false;
                        }
                    }
                    if (!openUntil.advanceExact(doc) || openUntil.longValue() < notBefore) {
                        return false;
                    }
                    if (openOn != Long.MAX_VALUE && (!openFrom.advanceExact(doc) || openFrom.longValue() > openOn)) {
                        return false;
                    }
                    if (limitKm == null || Attributes.remote(a)) {
                        return true;
                    }
                    return !Double.isNaN(lats[doc]) && near.within(lats[doc], lons[doc], limitKm);
                };
            }

            @Override
            public String describe() {
                return "vacancyFilter(" + authorization + "," + jobTypes + "," + hoursMin + "-" + hoursMax + "," + notBefore
                        + "," + openOn + "," + Arrays.toString(has) + "," + english + "," + maxGap + "," + point + ","
                        + limitKm + ")";
            }
        };
    }

    /** A post filter that reads the segment summary's arrays (packed facts, coordinates) of each segment it opens. */
    private abstract static class OnSummary implements DocPredicateQuery.Predicate {
        @Override
        public final DocPredicateQuery.LeafTest open(LeafReader reader) throws IOException {
            return open(reader, SegmentSummary.of(reader));
        }

        abstract DocPredicateQuery.LeafTest open(LeafReader reader, SegmentSummary summary) throws IOException;
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

    /** The request's skill floor; the engine resolves it to the matcher's before compiling. */
    private static double floor(MatchRequest r) {
        if (r.minSkillFit() == null) {
            throw new IllegalStateException("the request's skill floor is not resolved to the matcher's default");
        }
        return r.minSkillFit();
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

    /**
     * The preference tiers as two constant clauses: a document matching the wanted clause matches the near one too
     * (it holds it), so it gets {@link Rules#WANTED}; one matching only the near clause gets {@link Rules#NEAR}.
     */
    private static void preference(BooleanQuery.Builder q, Query wanted, Query nearOrWanted, ScoringWeights w) {
        q.add(boost(wanted, w.preference() * (Rules.WANTED - Rules.NEAR)), Occur.SHOULD);
        q.add(boost(nearOrWanted, w.preference() * Rules.NEAR), Occur.SHOULD);
    }

    private static Query boost(Query q, double boost) {
        return new BoostQuery(new ConstantScoreQuery(q), (float) boost);
    }
}
