package nl.werkmatch.matcher.index;

import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;

/**
 * The documents of a set of global doc ids of one searcher's reader, as a filter: the audit ranks each vacancy's
 * candidates among the ones it already found eligible. Only for the reader the ids belong to; never cached.
 */
final class DocSetQuery extends Query {
    private final FixedBitSet docs;
    private final int cardinality;

    /** @param docs global doc ids of the reader the query will run on (bits beyond its maxDoc are ignored) */
    DocSetQuery(FixedBitSet docs, int cardinality) {
        this.docs = docs;
        this.cardinality = cardinality;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return ConstantScorers.weight(this, boost, (reader, score) -> {
            int base = -1;
            for (var leaf : searcher.getIndexReader().leaves()) {
                if (leaf.reader() == reader) {
                    base = leaf.docBase;
                    break;
                }
            }
            if (base < 0) {
                throw new IllegalStateException("a document set is only for the reader its ids belong to");
            }
            int from = base;
            int to = Math.min(base + reader.maxDoc(), docs.length());
            if (from >= to || docs.nextSetBit(from, to) == DocIdSetIterator.NO_MORE_DOCS) {
                return null;
            }
            return ConstantScorers.supplier(score, scoreMode, new Slice(docs, from, to, cardinality));
        });
    }

    /** The set bits in [from, to), as doc ids relative to from. */
    private static final class Slice extends DocIdSetIterator {
        private final FixedBitSet bits;
        private final int from;
        private final int to;
        private final long cost;
        private int doc = -1;

        Slice(FixedBitSet bits, int from, int to, long cost) {
            this.bits = bits;
            this.from = from;
            this.to = to;
            this.cost = cost;
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public int nextDoc() {
            return advance(doc + 1);
        }

        @Override
        public int advance(int target) {
            if (target >= to - from) {   // also NO_MORE_DOCS itself, which from + target would overflow
                return doc = NO_MORE_DOCS;
            }
            int next = bits.nextSetBit(from + target, to);
            return doc = next == NO_MORE_DOCS ? NO_MORE_DOCS : next - from;
        }

        @Override
        public long cost() {
            return cost;
        }
    }

    @Override
    public String toString(String field) {
        return "DocSet(" + cardinality + ")";
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public boolean equals(Object other) {
        return this == other;   // a set of one reader's documents, made per use
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
