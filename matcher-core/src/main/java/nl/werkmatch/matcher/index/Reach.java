package nl.werkmatch.matcher.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BytesRef;

/**
 * Every match of a compiled query whose exact score reaches a threshold: the count of a page's {@code total} and
 * the reachable sets of advice.
 *
 * <p>Why it is exact: Lucene's score plus the query's constant is within {@code maxError} of the exact score, so a
 * document whose exact score reaches {@code minScore} has a Lucene score of at least
 * {@code minScore - constant - maxError}. That floor is the collector's minimum competitive score from the start,
 * so MaxScore skips blocks and documents that cannot reach it. A collected document whose Lucene score is at least
 * {@code minScore - constant + maxError} surely reaches the threshold; only the ones in between (the borderline)
 * are decoded and rescored exactly, unless the caller wants every reached document's id and exact score anyway, or
 * a skill floor applies (the pair filter alone checks it exactly, so every collected document is decoded).
 */
final class Reach {
    /** Float rounding of Lucene's per-block maxima and sums, on top of the compiled query's error bound. */
    private static final double FLOAT_SLACK = 1e-5;

    /** Decodes a document's compact form, applies the pair filter and scores exactly; null when filtered out. */
    interface Exact {
        Hit load(BytesRef compactForm);
    }

    /** {@link Exact} for callers that keep something per document (the audit's decoded profiles). */
    interface ExactByDoc {
        Hit load(int doc, BytesRef compactForm);
    }

    /** A reached document: its id and exact score. */
    record Hit(String id, double score) {
    }

    private Reach() {
    }

    /**
     * How many matches have an exact score of at least {@code minScore}; only the borderline is rescored, unless
     * {@code checkEvery} (a skill floor above 0, which neither the query nor the post filter decides exactly: only
     * the pair filter does) asks for every collected document to go through {@code exact}.
     */
    static int count(IndexSearcher searcher, QueryCompiler.Compiled compiled, double minScore, Exact exact,
                     boolean checkEvery) throws IOException {
        return forEachReached(searcher, compiled, minScore, exact, checkEvery, doc -> { });
    }

    /**
     * Calls {@code reached} with the global doc id of every match whose exact score is at least {@code minScore}
     * (sure ones first, then the rescored borderline, each in doc id order) and returns how many there were; the
     * same work as {@link #count}, for callers that add up who is reached (the audit's eligible counts).
     */
    static int forEachReached(IndexSearcher searcher, QueryCompiler.Compiled compiled, double minScore, Exact exact,
                              boolean checkEvery, java.util.function.IntConsumer reached) throws IOException {
        return forEachReached(searcher, compiled, minScore, (doc, form) -> exact.load(form), checkEvery, reached);
    }

    /** {@link #forEachReached(IndexSearcher, QueryCompiler.Compiled, double, Exact, boolean, java.util.function.IntConsumer)} with the document number given to the exact check. */
    static int forEachReached(IndexSearcher searcher, QueryCompiler.Compiled compiled, double minScore,
                              ExactByDoc exact, boolean checkEvery, java.util.function.IntConsumer reached)
            throws IOException {
        return forEachReachedScored(searcher, compiled, minScore, exact, checkEvery, (doc, score) -> reached.accept(doc));
    }

    /** A reached document and its score: Lucene's plus the constant (within the query's error), or the exact one. */
    interface ScoredDoc {
        void accept(int doc, double score);
    }

    /**
     * {@link #forEachReached(IndexSearcher, QueryCompiler.Compiled, double, ExactByDoc, boolean,
     * java.util.function.IntConsumer)} that also hands over each reached document's score: Lucene's plus the
     * constant for a sure one (within {@link #maxError} of the exact score), the exact score for a rescored one.
     */
    static int forEachReachedScored(IndexSearcher searcher, QueryCompiler.Compiled compiled, double minScore,
                                    ExactByDoc exact, boolean checkEvery, ScoredDoc reached) throws IOException {
        if (compiled.matchesNothing()) {
            return 0;
        }
        Collected c = collect(searcher, compiled, minScore);
        double sure = minScore - compiled.constant() + compiled.maxError() + FLOAT_SLACK;
        int count = 0;
        int[] borderline = new int[c.size];
        int nb = 0;
        for (int i = 0; i < c.size; i++) {
            if (!checkEvery && c.scores[i] >= sure) {
                count++;
                reached.accept(c.docs[i], c.scores[i] + compiled.constant());
            } else {
                borderline[nb++] = c.docs[i];
            }
        }
        List<Hit> hits = exact(searcher, borderline, nb, exact);
        for (int i = 0; i < nb; i++) {
            Hit hit = hits.get(i);
            if (hit != null && hit.score() >= minScore) {
                count++;
                reached.accept(borderline[i], hit.score());
            }
        }
        return count;
    }

    /** How far a score {@link ScoredDoc} hands over may be from the exact one. */
    static double maxError(QueryCompiler.Compiled compiled) {
        return compiled.maxError() + FLOAT_SLACK;
    }

    /** Every match with an exact score of at least {@code minScore}, with its id and exact score, in doc id order. */
    static List<Hit> all(IndexSearcher searcher, QueryCompiler.Compiled compiled, double minScore, Exact exact)
            throws IOException {
        if (compiled.matchesNothing()) {
            return List.of();
        }
        Collected c = collect(searcher, compiled, minScore);
        List<Hit> out = new ArrayList<>();
        for (Hit hit : exact(searcher, c.docs, c.size, (doc, form) -> exact.load(form))) {
            if (hit != null && hit.score() >= minScore) {
                out.add(hit);
            }
        }
        return out;
    }

    /**
     * Every document (global ids, increasing) that matches, passes the post filter and could have an exact score
     * of at least {@code minScore}: its Lucene score is at the floor that follows from the error bound.
     */
    static int[] docsThatMayReach(IndexSearcher searcher, QueryCompiler.Compiled compiled, double minScore)
            throws IOException {
        Collected c = collect(searcher, compiled, minScore);
        return Arrays.copyOf(c.docs, c.size);
    }

    /** Documents (global ids, increasing) that match, pass the post filter and have a Lucene score at the floor. */
    private static Collected collect(IndexSearcher searcher, QueryCompiler.Compiled compiled, double minScore)
            throws IOException {
        double floor = minScore - compiled.constant() - compiled.maxError() - FLOAT_SLACK;
        float minCompetitive = floor <= 0 ? 0f : Math.nextDown((float) floor);
        List<Collected> parts = searcher.search(compiled.query(), new CollectorManager<Collected, List<Collected>>() {
            @Override
            public Collected newCollector() {
                return new Collected(compiled.postFilter(), minCompetitive);
            }

            @Override
            public List<Collected> reduce(Collection<Collected> collectors) {
                return new ArrayList<>(collectors);
            }
        });
        Collected all = new Collected(null, minCompetitive);
        for (Collected part : parts) {
            for (int i = 0; i < part.size; i++) {
                all.add(part.docs[i], part.scores[i]);
            }
        }
        all.sortByDoc();
        return all;
    }

    private static List<Hit> exact(IndexSearcher searcher, int[] docs, int n, ExactByDoc exact) throws IOException {
        List<Hit> out = new ArrayList<>(n);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int leaf = -1;
        LeafReaderContext ctx = null;
        BinaryDocValues forms = null;
        for (int i = 0; i < n; i++) {
            int doc = docs[i];
            while (ctx == null || doc >= ctx.docBase + ctx.reader().maxDoc()) {
                ctx = leaves.get(++leaf);
                forms = DocValues.getBinary(ctx.reader(), Fields.FORM);
            }
            if (!forms.advanceExact(doc - ctx.docBase)) {
                throw new IllegalStateException("document " + doc + " has no compact form");
            }
            out.add(exact.load(doc, forms.binaryValue()));
        }
        return out;
    }

    /** Collects documents at or above the floor; tells the scorer the floor so it can skip the rest. */
    private static final class Collected implements Collector {
        private final DocPredicateQuery.Predicate postFilter;
        private final float floor;
        int[] docs = new int[64];
        float[] scores = new float[64];
        int size;

        Collected(DocPredicateQuery.Predicate postFilter, float floor) {
            this.postFilter = postFilter;
            this.floor = floor;
        }

        void add(int doc, float score) {
            if (size == docs.length) {
                docs = Arrays.copyOf(docs, size * 2);
                scores = Arrays.copyOf(scores, size * 2);
            }
            docs[size] = doc;
            scores[size++] = score;
        }

        /** Slices may be collected in any order; each one's documents are increasing. */
        void sortByDoc() {
            long[] packed = new long[size];
            for (int i = 0; i < size; i++) {
                packed[i] = ((long) docs[i] << 32) | (Float.floatToRawIntBits(scores[i]) & 0xffffffffL);
            }
            Arrays.sort(packed);
            for (int i = 0; i < size; i++) {
                docs[i] = (int) (packed[i] >>> 32);
                scores[i] = Float.intBitsToFloat((int) packed[i]);
            }
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            DocPredicateQuery.LeafTest test = postFilter == null ? null : postFilter.open(context.reader());
            int base = context.docBase;
            return new LeafCollector() {
                private Scorable scorer;

                @Override
                public void setScorer(Scorable s) throws IOException {
                    this.scorer = s;
                    if (floor > 0) {
                        s.setMinCompetitiveScore(floor);
                    }
                }

                @Override
                public void collect(int doc) throws IOException {
                    float score = scorer.score();
                    if (score >= floor && (test == null || test.test(doc))) {
                        add(base + doc, score);
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.TOP_SCORES;
        }
    }
}
