package nl.werkmatch.matcher.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.ObjIntConsumer;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.internal.CompactForm;
import nl.werkmatch.matcher.internal.PreparedProfile;
import nl.werkmatch.matcher.internal.PreparedVacancy;
import nl.werkmatch.matcher.internal.Rules;
import nl.werkmatch.matcher.internal.Scorer;
import nl.werkmatch.matcher.scoring.ScoringWeights;

/**
 * Who is eligible for each vacancy and who is on its list, by profile document, on one snapshot of the profile
 * index: the audit's work, one pruned pass per open vacancy. The skill floor is decided from the index (a query
 * whose score is the skills value, {@link QueryCompiler#skillsOfCandidates}, through {@link Reach}: only a borderline
 * band is decoded and checked exactly), then the list is ranked among the eligible ({@link #countAndRank}). Doc ids
 * stay valid while this is open, so callers add up per document and translate to profile ids once at the end.
 * Thread-safe; close it to release the snapshot. Public for the audit only; this package is not exported.
 */
public final class EligibleCandidates implements AutoCloseable {
    /**
     * At most this many decoded profiles are kept (a decoded profile holds its skill credits and a few sets, one to a
     * few KB; so the cache stays within a few hundred MB whatever the population). Mostly for the paths that check
     * every candidate exactly: no skill floor and no minimum score.
     */
    static final int CACHED_PROFILES = 1 << 17;
    private final Storage storage;
    private final CompactForm compact;
    private final MatchRequest request;
    private final ScoringWeights weights;
    private final Set<String> regions;
    private final LocalDate today;
    private final IndexSearcher searcher;
    /** Decoded profiles by document number modulo its length; see {@link #decoded}. */
    private final Cached[] cache;
    /** Per thread, the documents of one vacancy that pass the skill floor; cleared after each vacancy. */
    private final ThreadLocal<FixedBitSet> floorPassers;
    /** Per thread, the documents eligible for one vacancy; cleared after each vacancy. */
    private final ThreadLocal<FixedBitSet> eligibleDocs;

    EligibleCandidates(Storage storage, CompactForm compact, MatchRequest resolved,
                       ScoringWeights weights, Set<String> regions, LocalDate today, int cachedProfiles) {
        this.storage = storage;
        this.compact = compact;
        this.request = resolved;
        this.weights = weights;
        this.regions = regions;
        this.today = today;
        this.searcher = storage.read(() -> storage.profiles().acquire());
        this.cache = new Cached[Math.max(1, Math.min(documents(), cachedProfiles))];
        int documents = documents();
        this.floorPassers = ThreadLocal.withInitial(() -> new FixedBitSet(Math.max(1, documents)));
        this.eligibleDocs = ThreadLocal.withInitial(() -> new FixedBitSet(Math.max(1, documents)));
    }

    /** One more than the largest profile document number of the snapshot: the size of a per-document array. */
    public int documents() {
        return searcher.getIndexReader().maxDoc();
    }

    /** What one vacancy gives the audit: how many candidates are eligible, and how many are on its list. */
    public record Outcome(int eligible, int listed) {
        static final Outcome GONE = new Outcome(-1, -1);
        static final Outcome NOBODY = new Outcome(0, 0);

        /** Whether the vacancy was deleted (from this snapshot's point of view, from the vacancy index). */
        public boolean gone() {
            return eligible < 0;
        }
    }

    /**
     * Counts and ranks the candidates of a stored vacancy: calls {@code eligible} with the document number (below
     * {@link #documents()}) of every profile of the snapshot that passes the vacancy's hard filters and the
     * request's and scores at least the request's {@code minScore}, then {@code listed} with the ids of the
     * request's top {@code k} of them, in rank order: exactly the page {@code candidatesFor} gives, since a page is
     * the admitted matches by exact score, ties by id, and every admitted match is among the eligible. The ranking
     * runs among the eligible only (a filter of the query), so it reads a few postings per eligible person instead
     * of every posting of the vacancy's skills in the country.
     */
    public Outcome countAndRank(String vacancyId, IntConsumer eligible, Consumer<String> listed) {
        PreparedVacancy pv = storage.read(() -> {
            byte[] form = storage.vacancies().compactForm(vacancyId);
            return form == null ? null : compact.decodeVacancy(form, 0, form.length);
        });
        if (pv == null) {
            return Outcome.GONE;
        }
        QueryCompiler.Compiled compiled = QueryCompiler.candidatesFor(pv, request, weights, today, regions);
        if (compiled.matchesNothing()) {
            return Outcome.NOBODY;
        }
        if (request.minScore() <= 0 && request.minSkillFit() > 0 && request.k() > 0) {
            // the audit's usual case: the skill pass gives everyone's skills value, the rest is cheap to add
            Found found = skillPass(pv, eligible);
            if (found.size == 0) {
                return Outcome.NOBODY;
            }
            List<String> page = storage.read(() -> rankAmong(found, pv, compiled));
            page.forEach(listed);
            return new Outcome(found.size, page.size());
        }
        FixedBitSet found = eligibleDocs.get();
        try {
            int n = addEligible(pv, compiled, doc -> {
                found.set(doc);
                eligible.accept(doc);
            });
            if (n == 0 || request.k() == 0) {
                return new Outcome(n, 0);
            }
            QueryCompiler.Compiled among = compiled.restrictedTo(new DocSetQuery(found, n));
            List<TopKSearch.Scored> page = storage.read(() -> TopKSearch.window(searcher, among, request, weights,
                    form -> {
                        PreparedProfile pp = compact.decodeProfile(form.bytes, form.offset, form.length);
                        return PairFilter.admits(pp, pv, request, today, regions, true)
                                ? new TopKSearch.Pair(pp, pv, pp.id()) : null;
                    }));
            int on = Math.min(request.k(), page.size());
            for (int i = 0; i < on; i++) {
                listed.accept(page.get(i).pair().id());
            }
            return new Outcome(n, on);
        } finally {
            found.clear(0, found.length());
        }
    }

    /** The eligible of one vacancy, in doc id order, each with a score within {@link #error} of the exact one. */
    private static final class Found {
        int[] docs = new int[256];
        double[] scores = new double[256];
        int size;
        /** How far a score may be from the exact one. */
        double error;

        void add(int doc, double score) {
            if (size == docs.length) {
                docs = Arrays.copyOf(docs, size * 2);
                scores = Arrays.copyOf(scores, size * 2);
            }
            docs[size] = doc;
            scores[size++] = score;
        }
    }

    /**
     * Everyone eligible for a vacancy at minScore 0 (the hard filters and the skill floor) with their skills value,
     * from the index (see {@link QueryCompiler#skillsOfCandidates}); sure documents come first, so sorted by doc.
     */
    private Found skillPass(PreparedVacancy pv, IntConsumer eligible) {
        QueryCompiler.Compiled skills = QueryCompiler.skillsOfCandidates(pv, request, today, regions);
        Found found = new Found();
        Reach.ExactByDoc exactSkills = (doc, form) -> {
            PreparedProfile pp = decoded(doc, form);
            return PairFilter.admits(pp, pv, request, today, regions, true)
                    ? new Reach.Hit(pp.id(), Scorer.skillsValue(pp, pv)) : null;
        };
        storage.read(() -> Reach.forEachReachedScored(searcher, skills, request.minSkillFit(), exactSkills, false,
                (doc, value) -> {
                    found.add(doc, value);
                    eligible.accept(doc);
                }));
        // sure ones first, then the rescored borderline: put them in doc order for the per-segment walk
        long[] packed = new long[found.size];
        for (int i = 0; i < found.size; i++) {
            packed[i] = ((long) found.docs[i] << 32) | i;
        }
        Arrays.sort(packed);
        int[] docs = new int[found.size];
        double[] values = new double[found.size];
        for (int i = 0; i < found.size; i++) {
            docs[i] = (int) (packed[i] >>> 32);
            values[i] = found.scores[(int) packed[i]];
        }
        found.docs = docs;
        found.scores = values;
        found.error = Reach.maxError(skills) * weights.skills();
        return found;
    }

    /**
     * The page of a vacancy among its eligible, as {@code candidatesFor} ranks it (admitted matches by exact score,
     * ties by id): each eligible person's score is the candidates query's, computed here from what the skill pass
     * gave and the segment summary (the same clauses: skills, language and level, distance, preference, the
     * constant), so within a known error of the exact score (or above it: see the preference); the best are
     * rescored exactly, more while a person outside them could still reach the page ({@link TopKSearch#window}'s
     * rule, on scores already in memory).
     */
    private List<String> rankAmong(Found found, PreparedVacancy pv, QueryCompiler.Compiled compiled) throws IOException {
        int n = found.size;
        double[] approx = new double[n];
        AttributeScoreQuery.Scoring fit = weights.language() > 0 || weights.level() > 0
                ? QueryCompiler.candidateFit(pv, weights) : null;
        boolean distance = !pv.remote() && weights.distance() > 0;
        double constant = pv.remote() ? weights.distance() : 0;
        boolean preference = pv.occupation() >= 0 && weights.preference() > 0;
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int leaf = -1;
        LeafReaderContext ctx = null;
        SegmentSummary summary = null;
        PostingsEnum wanted = null;
        PostingsEnum group = null;
        PostingsEnum sector = null;
        double lastLat = Double.NaN;
        double lastLon = Double.NaN;
        double lastDistance = 0;
        for (int i = 0; i < n; i++) {
            int global = found.docs[i];
            while (ctx == null || global >= ctx.docBase + ctx.reader().maxDoc()) {
                ctx = leaves.get(++leaf);
                summary = SegmentSummary.of(ctx.reader());
            }
            int doc = global - ctx.docBase;
            double score = constant + weights.skills() * found.scores[i];
            if (fit != null) {
                score += fit.score(summary.attributes[doc]);
            }
            if (distance && !Double.isNaN(summary.lats[doc])) {
                double lat = summary.lats[doc];
                double lon = summary.lons[doc];
                if (lat != lastLat || lon != lastLon) {   // neighbours in place order often share a point
                    lastLat = lat;
                    lastLon = lon;
                    lastDistance = DistanceScoreQuery.score(pv.point(), lat, lon, weights.distance(),
                            weights.distancePivotKm());
                }
                score += lastDistance;
            }
            approx[i] = score;
        }
        if (preference) {
            // the preference part only where it can matter: a person whose score without it, plus the most it can
            // add, stays below k others' scores without it is given that most (an upper bound keeps the rule exact)
            double most = weights.preference() * Rules.WANTED;
            int[] top = best(approx, Math.min(n, request.k()));
            double kth = Double.POSITIVE_INFINITY;
            for (int i : top) {
                kth = Math.min(kth, approx[i]);
            }
            double needed = top.length < request.k() ? Double.NEGATIVE_INFINITY : kth - most;
            leaf = -1;
            ctx = null;
            for (int i = 0; i < n; i++) {
                int global = found.docs[i];
                while (ctx == null || global >= ctx.docBase + ctx.reader().maxDoc()) {
                    ctx = leaves.get(++leaf);
                    wanted = postings(ctx, Fields.WANT, Documents.occupationTerm(pv.occupation()));
                    group = pv.iscoGroup() == null ? null : postings(ctx, Fields.WANT_GROUP, pv.iscoGroup());
                    sector = pv.sector() == null ? null : postings(ctx, Fields.WANT_SECTOR, pv.sector());
                }
                if (approx[i] < needed) {
                    approx[i] += most;
                    continue;
                }
                int doc = global - ctx.docBase;
                if (holds(wanted, doc)) {
                    approx[i] += most;
                } else if (holds(group, doc) | holds(sector, doc)) {
                    approx[i] += weights.preference() * Rules.NEAR;
                }
            }
        }
        double error = compiled.maxError() + found.error + 1e-9;

        int k = request.k();
        int m = Math.min(n, k + 4);
        while (true) {
            // the best m by approximate score, then rescored exactly
            int[] best = best(approx, m);
            List<TopKSearch.Scored> admitted = new ArrayList<>(m);
            for (int i : best) {
                PreparedProfile pp = decodedForm(found.docs[i], leaves);
                if (PairFilter.admits(pp, pv, request, today, regions, true)) {
                    admitted.add(new TopKSearch.Scored(new TopKSearch.Pair(pp, pv, pp.id()), Scorer.score(pp, pv, weights)));
                }
            }
            admitted.sort(TopKSearch.Scored.PAGE_ORDER);
            double bound = m == n ? Double.NEGATIVE_INFINITY : nextBest(approx, best) + error;
            if (m == n || (admitted.size() >= k && admitted.get(k - 1).score() > bound)) {
                List<String> page = new ArrayList<>(k);
                for (int i = 0; i < Math.min(k, admitted.size()); i++) {
                    page.add(admitted.get(i).pair().id());
                }
                return page;
            }
            m = (int) Math.min((long) m * 4, n);
        }
    }

    /** The indices of the {@code m} largest values (ties in any order). */
    private static int[] best(double[] values, int m) {
        int n = values.length;
        if (m >= n) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        // a min-heap of the best m seen so far, by value
        int[] heap = new int[m];
        int size = 0;
        for (int i = 0; i < n; i++) {
            if (size < m) {
                heap[size] = i;
                up(heap, values, size++);
            } else if (values[i] > values[heap[0]]) {
                heap[0] = i;
                down(heap, values, m);
            }
        }
        return heap;
    }

    private static void up(int[] heap, double[] values, int at) {
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (values[heap[parent]] <= values[heap[at]]) {
                return;
            }
            int t = heap[parent];
            heap[parent] = heap[at];
            heap[at] = t;
            at = parent;
        }
    }

    private static void down(int[] heap, double[] values, int size) {
        int at = 0;
        while (true) {
            int smallest = at;
            int l = 2 * at + 1;
            int r = l + 1;
            if (l < size && values[heap[l]] < values[heap[smallest]]) {
                smallest = l;
            }
            if (r < size && values[heap[r]] < values[heap[smallest]]) {
                smallest = r;
            }
            if (smallest == at) {
                return;
            }
            int t = heap[smallest];
            heap[smallest] = heap[at];
            heap[at] = t;
            at = smallest;
        }
    }

    /** The largest value whose index is not among {@code chosen}. */
    private static double nextBest(double[] values, int[] chosen) {
        boolean[] taken = new boolean[values.length];
        for (int i : chosen) {
            taken[i] = true;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            if (!taken[i] && values[i] > max) {
                max = values[i];
            }
        }
        return max;
    }

    /** The postings of a term in a segment, or null when no document holds it. */
    private static PostingsEnum postings(LeafReaderContext ctx, String field, String term) throws IOException {
        Terms terms = ctx.reader().terms(field);
        if (terms == null) {
            return null;
        }
        TermsEnum te = terms.iterator();
        return te.seekExact(new BytesRef(term)) ? te.postings(null, PostingsEnum.NONE) : null;
    }

    /** Whether the postings hold a document; documents are asked in increasing order. */
    private static boolean holds(PostingsEnum postings, int doc) throws IOException {
        if (postings == null) {
            return false;
        }
        int at = postings.docID();
        if (at < doc) {
            at = postings.advance(doc);
        }
        return at == doc;
    }

    /** The decoded profile of a global document of the snapshot. */
    private PreparedProfile decodedForm(int global, List<LeafReaderContext> leaves) throws IOException {
        LeafReaderContext ctx = leaves.get(ReaderUtil.subIndex(global, leaves));
        BinaryDocValues forms = DocValues.getBinary(ctx.reader(), Fields.FORM);
        if (!forms.advanceExact(global - ctx.docBase)) {
            throw new IllegalStateException("document " + global + " has no compact form");
        }
        return decoded(global, forms.binaryValue());
    }

    /** {@link #countAndRank} without the ranking: the eligible only; the count, or -1 when the vacancy is gone. */
    public int addEligible(String vacancyId, IntConsumer eligible) {
        PreparedVacancy pv = storage.read(() -> {
            byte[] form = storage.vacancies().compactForm(vacancyId);
            return form == null ? null : compact.decodeVacancy(form, 0, form.length);
        });
        if (pv == null) {
            return -1;
        }
        QueryCompiler.Compiled compiled = QueryCompiler.candidatesFor(pv, request, weights, today, regions);
        return compiled.matchesNothing() ? 0 : addEligible(pv, compiled, eligible);
    }

    private int addEligible(PreparedVacancy pv, QueryCompiler.Compiled compiled, IntConsumer eligible) {
        if (request.minSkillFit() <= 0) {
            if (request.minScore() <= 0) {
                return storage.read(() -> everyAdmitted(compiled, pv, eligible));
            }
            return storage.read(() -> Reach.forEachReached(searcher, compiled, request.minScore(), exactScore(pv),
                    false, eligible));
        }
        // the skill floor decided from the index: who holds enough of the required skills and passes the post filter
        QueryCompiler.Compiled skills = QueryCompiler.skillsOfCandidates(pv, request, today, regions);
        Reach.ExactByDoc exactSkills = (doc, form) -> {
            PreparedProfile pp = decoded(doc, form);
            return PairFilter.admits(pp, pv, request, today, regions, true)
                    ? new Reach.Hit(pp.id(), Scorer.skillsValue(pp, pv)) : null;
        };
        if (request.minScore() <= 0) {
            return storage.read(() -> Reach.forEachReached(searcher, skills, request.minSkillFit(), exactSkills, false,
                    eligible));
        }
        // and of those, who reaches minScore: the other pass's sure documents still need the floor
        FixedBitSet floor = floorPassers.get();
        try {
            storage.read(() -> Reach.forEachReached(searcher, skills, request.minSkillFit(), exactSkills, false,
                    floor::set));
            int[] count = new int[1];
            storage.read(() -> Reach.forEachReached(searcher, compiled, request.minScore(), exactScore(pv), false,
                    doc -> {
                        if (floor.get(doc)) {
                            count[0]++;
                            eligible.accept(doc);
                        }
                    }));
            return count[0];
        } finally {
            floor.clear(0, floor.length());
        }
    }

    /** The exact check of a borderline document: the pair filter (skill floor included), then the exact score. */
    private Reach.ExactByDoc exactScore(PreparedVacancy pv) {
        return (doc, form) -> {
            PreparedProfile pp = decoded(doc, form);
            return PairFilter.admits(pp, pv, request, today, regions, true)
                    ? new Reach.Hit(pp.id(), Scorer.score(pp, pv, weights)) : null;
        };
    }

    /**
     * Without a minimum score every match that passes the hard filters counts, and scores cannot prune, so the
     * query runs without them: only its filter clauses, which admit at least what the query does (its optional
     * clauses never narrow it: one of them matches every document); then the post filter and the pair filter, the
     * engine's exact hard filters, decide. {@link Reach} would conclude the same at a far higher cost: it scores
     * every optional clause of every match.
     */
    private int everyAdmitted(QueryCompiler.Compiled compiled, PreparedVacancy pv, IntConsumer eligible)
            throws IOException {
        int[] count = new int[1];
        searcher.search(filterClauses(compiled.query()), new SimpleCollector() {
            private DocPredicateQuery.LeafTest test;
            private BinaryDocValues forms;
            private int base;

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                test = compiled.postFilter() == null ? null : compiled.postFilter().open(context.reader());
                forms = DocValues.getBinary(context.reader(), Fields.FORM);
                base = context.docBase;
            }

            @Override
            public void collect(int doc) throws IOException {
                if ((test != null && !test.test(doc)) || !forms.advanceExact(doc)) {
                    return;
                }
                PreparedProfile pp = decoded(base + doc, forms.binaryValue());
                if (PairFilter.admits(pp, pv, request, today, regions, true)) {
                    count[0]++;
                    eligible.accept(base + doc);
                }
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        return count[0];
    }

    /** The query's required and filter clauses as filters; everything when it has none. */
    static Query filterClauses(Query query) {
        if (!(query instanceof BooleanQuery bool)) {
            return query;
        }
        BooleanQuery.Builder filters = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
        for (BooleanClause c : bool.clauses()) {
            switch (c.occur()) {
                case MUST, FILTER -> filters.add(c.query(), BooleanClause.Occur.FILTER);
                case MUST_NOT -> filters.add(c.query(), BooleanClause.Occur.MUST_NOT);
                case SHOULD -> { }
            }
        }
        return filters.build();
    }

    /**
     * The decoded profile of a document, from the cache when it holds it. With the skill floor on, every collected
     * candidate is checked exactly, so without the cache one profile would be decoded once per vacancy it fits;
     * vacancies are walked in index order, which is by place, as are the profiles, so neighbouring vacancies meet
     * the same people and a bounded cache keeps most of them.
     */
    private PreparedProfile decoded(int doc, BytesRef form) {
        int slot = doc % cache.length;
        Cached c = cache[slot];
        if (c != null && c.doc == doc) {
            return c.profile;
        }
        PreparedProfile pp = compact.decodeProfile(form.bytes, form.offset, form.length);
        cache[slot] = new Cached(doc, pp); // a benign race: entries are immutable, a lost one is decoded again
        return pp;
    }

    /** A decoded profile and its document number. */
    private record Cached(int doc, PreparedProfile profile) {
    }

    /** Calls {@code sink} with the id and document number of every live profile of the snapshot. */
    public void forEachProfile(ObjIntConsumer<String> sink) {
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                BinaryDocValues forms = DocValues.getBinary(leaf.reader(), Fields.FORM);
                for (int doc = forms.nextDoc(); doc != BinaryDocValues.NO_MORE_DOCS; doc = forms.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        BytesRef form = forms.binaryValue();
                        sink.accept(compact.decodeProfile(form.bytes, form.offset, form.length).id(), leaf.docBase + doc);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Releases the snapshot. */
    @Override
    public void close() {
        try {
            storage.profiles().release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
