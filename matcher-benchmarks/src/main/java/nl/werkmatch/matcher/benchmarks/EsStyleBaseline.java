package nl.werkmatch.matcher.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionMatchQuery;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.model.JobType;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.model.WorkAuthorization;
import nl.werkmatch.matcher.internal.Scorer;
import nl.werkmatch.matcher.internal.PreparedProfile;
import nl.werkmatch.matcher.internal.PreparedVacancy;
import nl.werkmatch.matcher.scoring.ScoringWeights;

/**
 * Baseline (b): "what a team on Elasticsearch would write". Its own Lucene index of the same documents (the
 * engine does not expose its searcher) with the filterable fields; a query is a bool of FILTER clauses (terms,
 * ranges, geo distance, and a script-like {@link FunctionMatchQuery} for the exact remaining filters) wrapped in a
 * {@link FunctionScoreQuery} whose {@link DoubleValuesSource} computes the full score of every match with
 * {@link Scorer}. No pruning is possible: every filtered document is scored.
 *
 * <p>Generous to the baseline: the script reads a doc value (an ordinal) and scores the already prepared object
 * in memory, instead of decoding stored JSON or doc values per hit as a real script would. So its times are a
 * lower bound for that design.
 */
final class EsStyleBaseline {
    private static final String ORD = "ord";
    private static final String AUTH = "auth";
    private static final String PERMIT = "permit";
    private static final String JOB_TYPE = "jobType";
    private static final String ANY = "*";
    private static final String HOURS_MIN = "hoursMin";
    private static final String HOURS_MAX = "hoursMax";
    private static final String AVAILABLE_FROM = "availableFrom";
    private static final String OPEN_UNTIL = "openUntil";
    private static final String REMOTE = "remote";
    private static final String LOC = "loc";

    private final PreparedProfile[] profiles;
    private final PreparedVacancy[] vacancies;
    private final IndexSearcher searcher;

    private EsStyleBaseline(PreparedProfile[] profiles, PreparedVacancy[] vacancies, IndexSearcher searcher) {
        this.profiles = profiles;
        this.vacancies = vacancies;
        this.searcher = searcher;
    }

    static EsStyleBaseline ofProfiles(PreparedProfile[] profiles) {
        List<Document> docs = new ArrayList<>(profiles.length);
        for (int i = 0; i < profiles.length; i++) {
            PreparedProfile p = profiles[i];
            Document d = new Document();
            d.add(new NumericDocValuesField(ORD, i));
            d.add(new StringField(AUTH, p.workAuthorization().name(), Field.Store.NO));
            if (p.jobTypeMask() == 0) {
                d.add(new StringField(JOB_TYPE, ANY, Field.Store.NO));
            }
            for (JobType t : JobType.values()) {
                if (p.jobTypeMask() != 0 && p.accepts(t)) {
                    d.add(new StringField(JOB_TYPE, t.name(), Field.Store.NO));
                }
            }
            d.add(new IntPoint(HOURS_MIN, p.hours().min()));
            d.add(new IntPoint(HOURS_MAX, p.hours().max()));
            d.add(new LongPoint(AVAILABLE_FROM, p.availableFrom() == null ? Long.MIN_VALUE : p.availableFrom().toEpochDay()));
            d.add(new LatLonPoint(LOC, profiles[i].point().lat(), profiles[i].point().lon()));
            docs.add(d);
        }
        return new EsStyleBaseline(profiles, null, index(docs));
    }

    static EsStyleBaseline ofVacancies(PreparedVacancy[] vacancies) {
        List<Document> docs = new ArrayList<>(vacancies.length);
        for (int i = 0; i < vacancies.length; i++) {
            PreparedVacancy v = vacancies[i];
            Document d = new Document();
            d.add(new NumericDocValuesField(ORD, i));
            d.add(new StringField(PERMIT, Boolean.toString(v.permitSponsored()), Field.Store.NO));
            d.add(new StringField(JOB_TYPE, v.jobType().name(), Field.Store.NO));
            d.add(new IntPoint(HOURS_MIN, v.hours().min()));
            d.add(new IntPoint(HOURS_MAX, v.hours().max()));
            d.add(new LongPoint(OPEN_UNTIL, v.openUntil() == null ? Long.MAX_VALUE : v.openUntil().toEpochDay()));
            d.add(new StringField(REMOTE, Boolean.toString(v.remote()), Field.Store.NO));
            if (!v.remote() && vacancies[i].point() != null) {
                d.add(new LatLonPoint(LOC, vacancies[i].point().lat(), vacancies[i].point().lon()));
            }
            docs.add(d);
        }
        return new EsStyleBaseline(null, vacancies, index(docs));
    }

    private static IndexSearcher index(List<Document> docs) {
        try {
            ByteBuffersDirectory dir = new ByteBuffersDirectory();
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setRAMBufferSizeMB(256))) {
                w.addDocuments(docs);
                w.forceMerge(1);
            }
            IndexSearcher s = new IndexSearcher(DirectoryReader.open(dir));
            s.setQueryCache(null);   // every query differs; keep the comparison about scoring
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Hit> candidates(PreparedVacancy pv, MatchRequest r, ScoringWeights w, LocalDate today) {
        Vacancy v = pv.vacancy();
        if (!Filters.open(v, today)) {
            return List.of();
        }
        List<String> auths = new ArrayList<>();
        for (WorkAuthorization a : WorkAuthorization.values()) {
            if (nl.werkmatch.matcher.internal.Rules.authorized(a, v.permitSponsored())) {
                auths.add(a.name());
            }
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder()
                .add(terms(AUTH, auths), Occur.FILTER)
                .add(terms(JOB_TYPE, List.of(v.jobType().name(), ANY)), Occur.FILTER)
                .add(IntPoint.newRangeQuery(HOURS_MIN, Integer.MIN_VALUE, v.hours().max()), Occur.FILTER)
                .add(IntPoint.newRangeQuery(HOURS_MAX, v.hours().min(), Integer.MAX_VALUE), Occur.FILTER);
        if (v.openUntil() != null) {
            b.add(LongPoint.newRangeQuery(AVAILABLE_FROM, Long.MIN_VALUE, v.openUntil().toEpochDay()), Occur.FILTER);
        }
        if (!v.remote() && r.withinKm() != null) {
            b.add(LatLonPoint.newDistanceQuery(LOC, pv.point().lat(), pv.point().lon(), r.withinKm() * 1000 + 1000),
                    Occur.FILTER);
        }
        PairSource admit = new PairSource(this, null, pv, r, w, today, true);
        b.add(new FunctionMatchQuery(admit, x -> x > 0.5, 100f), Occur.FILTER);
        return run(b.build(), new PairSource(this, null, pv, r, w, today, false), r.k(), w, null, pv);
    }

    List<Hit> vacancies(PreparedProfile pp, MatchRequest r, ScoringWeights w, LocalDate today) {
        Profile p = pp.profile();
        if (p.workAuthorization() == WorkAuthorization.NOT_ALLOWED) {
            return List.of();
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (p.workAuthorization() == WorkAuthorization.PERMIT_REQUIRED) {
            b.add(new TermQuery(new Term(PERMIT, "true")), Occur.FILTER);
        }
        if (!p.jobTypes().isEmpty()) {
            b.add(terms(JOB_TYPE, p.jobTypes().stream().map(JobType::name).toList()), Occur.FILTER);
        }
        b.add(IntPoint.newRangeQuery(HOURS_MIN, Integer.MIN_VALUE, p.hours().max()), Occur.FILTER);
        b.add(IntPoint.newRangeQuery(HOURS_MAX, p.hours().min(), Integer.MAX_VALUE), Occur.FILTER);
        LocalDate notBefore = p.availableFrom() != null && p.availableFrom().isAfter(today) ? p.availableFrom() : today;
        b.add(LongPoint.newRangeQuery(OPEN_UNTIL, notBefore.toEpochDay(), Long.MAX_VALUE), Occur.FILTER);
        Double limit = r.withinKm();
        if (!r.ignoreTravelLimit() && p.maxTravelKm() != null) {
            limit = limit == null ? p.maxTravelKm().doubleValue() : Math.min(limit, p.maxTravelKm());
        }
        if (limit != null) {
            b.add(new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(REMOTE, "true")), Occur.SHOULD)
                    .add(LatLonPoint.newDistanceQuery(LOC, pp.point().lat(), pp.point().lon(), limit * 1000 + 1000), Occur.SHOULD)
                    .build(), Occur.FILTER);
        }
        PairSource admit = new PairSource(this, pp, null, r, w, today, true);
        b.add(new FunctionMatchQuery(admit, x -> x > 0.5, 100f), Occur.FILTER);
        return run(b.build(), new PairSource(this, pp, null, r, w, today, false), r.k(), w, pp, null);
    }

    private List<Hit> run(Query filter, PairSource score, int k, ScoringWeights w, PreparedProfile pp, PreparedVacancy pv) {
        try {
            TopDocs top = searcher.search(new FunctionScoreQuery(filter, score), k);
            List<Hit> out = new ArrayList<>(top.scoreDocs.length);
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            for (ScoreDoc sd : top.scoreDocs) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
                NumericDocValues ord = DocValues.getNumeric(leaf.reader(), ORD);
                ord.advanceExact(sd.doc - leaf.docBase);
                int i = (int) ord.longValue();
                // Lucene scores are floats: report the exact double score of the hits it chose
                out.add(pp == null
                        ? new Hit(profiles[i].id(), Scorer.score(profiles[i], pv, w))
                        : new Hit(vacancies[i].id(), Scorer.score(pp, vacancies[i], w)));
            }
            out.sort(Hit.ORDER);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Query terms(String field, java.util.Collection<String> values) {
        TreeSet<BytesRef> refs = new TreeSet<>();
        values.forEach(v -> refs.add(new BytesRef(v)));
        return new TermInSetQuery(field, refs);
    }

    /** The "script": per document, the exact filter (1 or 0) or the exact score of the pair. */
    private static final class PairSource extends DoubleValuesSource {
        private final EsStyleBaseline base;
        private final PreparedProfile fixedProfile;
        private final PreparedVacancy fixedVacancy;
        private final MatchRequest request;
        private final ScoringWeights weights;
        private final LocalDate today;
        private final boolean admit;

        PairSource(EsStyleBaseline base, PreparedProfile pp, PreparedVacancy pv, MatchRequest r, ScoringWeights w,
                   LocalDate today, boolean admit) {
            this.base = base;
            this.fixedProfile = pp;
            this.fixedVacancy = pv;
            this.request = r;
            this.weights = w;
            this.today = today;
            this.admit = admit;
        }

        @Override
        public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
            NumericDocValues ord = DocValues.getNumeric(ctx.reader(), ORD);
            return new DoubleValues() {
                @Override
                public double doubleValue() throws IOException {
                    int i = (int) ord.longValue();
                    PreparedProfile pp = fixedProfile != null ? fixedProfile : base.profiles[i];
                    PreparedVacancy pv = fixedVacancy != null ? fixedVacancy : base.vacancies[i];
                    if (admit) {
                        return Filters.admits(pp, pv, request, today) ? 1 : 0;
                    }
                    return Scorer.score(pp, pv, weights);
                }

                @Override
                public boolean advanceExact(int doc) throws IOException {
                    return ord.advanceExact(doc);
                }
            };
        }

        @Override
        public boolean needsScores() {
            return false;
        }

        @Override
        public DoubleValuesSource rewrite(IndexSearcher searcher) {
            return this;
        }

        @Override
        public boolean isCacheable(LeafReaderContext ctx) {
            return false;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public String toString() {
            return admit ? "pairFilter()" : "pairScore()";
        }
    }
}
