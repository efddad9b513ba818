package nl.werkmatch.matcher.index;

import java.io.IOException;
import java.util.Objects;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * A scoring clause computed from a document's packed {@link Attributes}: the language and level parts of the
 * pair score, exactly, in one clause. It matches every document. When the score rises with every Dutch and the
 * English rank of the document (ranking candidates), it reports per block of documents the score of the best
 * made-up candidate of the block ({@link SegmentSummary}), so Lucene's top-k scorer can skip blocks of weak
 * candidates; otherwise its global maximum.
 */
final class AttributeScoreQuery extends Query {

    /** The score of one document from its attributes, in [0, max]. */
    interface Scoring {
        double score(long attributes);
    }

    private final Scoring scoring;
    private final float max;
    private final boolean risesWithLevels;
    private final String description;

    /**
     * @param max the highest score any document can get
     * @param risesWithLevels whether the score never falls when a Dutch or the English rank rises
     * @param description a stable text that identifies the scoring function, for equals/hashCode
     */
    AttributeScoreQuery(Scoring scoring, double max, boolean risesWithLevels, String description) {
        this.scoring = Objects.requireNonNull(scoring);
        this.max = (float) max;
        this.risesWithLevels = risesWithLevels;
        this.description = description;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new Weight(this) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
                SegmentSummary summary = SegmentSummary.of(context.reader());
                long cost = context.reader().maxDoc();
                return new ScorerSupplier() {
                    @Override
                    public Scorer get(long leadCost) {
                        BlockBounds bounds = null;
                        if (risesWithLevels) {
                            bounds = new BlockBounds(summary.blocks, max * boost, b -> {
                                double best = 0;
                                for (int e = 0; e < 8; e++) {
                                    if ((summary.educations[b] & (1 << e)) != 0) {
                                        best = Math.max(best, scoring.score(summary.bestAttributes(b, e)));
                                    }
                                }
                                return boost * best;
                            });
                        }
                        return new AttributeScorer(summary.attributes, scoring, boost, max * boost, bounds);
                    }

                    @Override
                    public long cost() {
                        return cost;
                    }
                };
            }

            @Override
            public Explanation explain(LeafReaderContext context, int doc) throws IOException {
                long a = SegmentSummary.of(context.reader()).attributes[doc];
                return Explanation.match((float) (boost * scoring.score(a)), description);
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                return false;
            }
        };
    }

    private static final class AttributeScorer extends EveryDocScorer {
        private final long[] attributes;
        private final Scoring scoring;
        private final float boost;

        AttributeScorer(long[] attributes, Scoring scoring, float boost, float max, BlockBounds bounds) {
            super(attributes.length, bounds, max);
            this.attributes = attributes;
            this.scoring = scoring;
            this.boost = boost;
        }

        @Override
        public float score() {
            return (float) (boost * scoring.score(attributes[docID()]));
        }
    }

    @Override
    public String toString(String field) {
        return "AttributeScore(" + description + ", max=" + max + ")";
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && description.equals(((AttributeScoreQuery) other).description)
                && max == ((AttributeScoreQuery) other).max;
    }

    @Override
    public int hashCode() {
        return classHash() * 31 + description.hashCode();
    }
}
