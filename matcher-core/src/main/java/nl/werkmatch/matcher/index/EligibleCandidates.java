package nl.werkmatch.matcher.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.ObjIntConsumer;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.internal.CompactForm;
import nl.werkmatch.matcher.internal.PreparedProfile;
import nl.werkmatch.matcher.internal.PreparedVacancy;
import nl.werkmatch.matcher.internal.Scorer;
import nl.werkmatch.matcher.scoring.ScoringWeights;

/**
 * Who is eligible for each vacancy, by profile document, on one snapshot of the profile index: the audit's eligible
 * counts as one pruned pass per open vacancy ({@link Reach}: the exact count of {@code total}, only the borderline
 * rescored) instead of paging through every person's vacancies. Doc ids stay valid while this is open, so callers
 * add up per document and translate to profile ids once at the end. Thread-safe; close it to release the snapshot.
 * Public for the audit only; this package is not exported.
 */
public final class EligibleCandidates implements AutoCloseable {
    /**
     * At most this many decoded profiles are kept (a decoded profile holds its skill credits and a few sets, one to a few KB;
     * so the cache stays within a few hundred MB whatever the population).
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
    }

    /** One more than the largest profile document number of the snapshot: the size of a per-document array. */
    public int documents() {
        return searcher.getIndexReader().maxDoc();
    }

    /**
     * Calls {@code eligible} with the document number (below {@link #documents()}) of every profile of the snapshot
     * that passes the stored vacancy's hard filters and the request's and scores at least the request's
     * {@code minScore}; returns how many, or -1 when the vacancy is gone.
     */
    public int addEligible(String vacancyId, IntConsumer eligible) {
        PreparedVacancy pv = storage.read(() -> {
            byte[] form = storage.vacancies().compactForm(vacancyId);
            return form == null ? null : compact.decodeVacancy(form, 0, form.length);
        });
        if (pv == null) {
            return -1;
        }
        QueryCompiler.Compiled compiled = QueryCompiler.candidatesFor(pv, request, weights, today, regions);
        if (compiled.matchesNothing()) {
            return 0;
        }
        if (request.minScore() <= 0) {
            return storage.read(() -> everyAdmitted(compiled, pv, eligible));
        }
        Reach.ExactByDoc exact = (doc, form) -> {
            PreparedProfile pp = decoded(doc, form);
            return PairFilter.admits(pp, pv, request, today, regions, true)
                    ? new Reach.Hit(pp.id(), Scorer.score(pp, pv, weights)) : null;
        };
        return storage.read(() -> Reach.forEachReached(searcher, compiled, request.minScore(), exact,
                request.minSkillFit() > 0, eligible));
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
