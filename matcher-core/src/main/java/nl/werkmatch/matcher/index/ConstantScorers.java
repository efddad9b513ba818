package nl.werkmatch.matcher.index;

import java.io.IOException;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * The weights and scorer suppliers of the filter queries: every matching document gets the same score, and nothing
 * is cached (every request's filter differs, and computing a match costs less than caching its bit set).
 */
final class ConstantScorers {
    private ConstantScorers() {
    }

    /** The matching documents of one segment, each with {@code score}; null when none can match. */
    interface PerSegment {
        ScorerSupplier supplier(LeafReader reader, float score) throws IOException;
    }

    static Weight weight(Query query, float boost, PerSegment perSegment) {
        return new ConstantScoreWeight(query, boost) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
                return perSegment.supplier(context.reader(), score());
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                return false;
            }
        };
    }

    /** Documents the iterator walks. */
    static ScorerSupplier supplier(float score, ScoreMode mode, DocIdSetIterator it) {
        return new ScorerSupplier() {
            @Override
            public Scorer get(long leadCost) {
                return new ConstantScoreScorer(score, mode, it);
            }

            @Override
            public long cost() {
                return it.cost();
            }
        };
    }

    /** Documents that pass a two-phase check, which may look at every one of {@code cost} documents. */
    static ScorerSupplier supplier(float score, ScoreMode mode, TwoPhaseIterator twoPhase, long cost) {
        return new ScorerSupplier() {
            @Override
            public Scorer get(long leadCost) {
                return new ConstantScoreScorer(score, mode, twoPhase);
            }

            @Override
            public long cost() {
                return cost;
            }
        };
    }
}
