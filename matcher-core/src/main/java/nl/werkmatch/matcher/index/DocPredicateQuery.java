package nl.werkmatch.matcher.index;

import java.io.IOException;
import java.util.Objects;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * A filter that checks each candidate document with a per-document test over doc values, for a condition no
 * index structure answers exactly ("covers every essential skill"). Two-phase with a match-all approximation, so
 * inside a conjunction the other clauses lead and the test runs only on documents they already accept. Its
 * {@link Predicate} is also what {@link PostFilteredTopDocs} applies to collected documents.
 */
final class DocPredicateQuery extends Query {

    /** Opens the per-segment test. */
    interface Predicate {
        LeafTest open(LeafReader reader) throws IOException;

        /** A stable description, for equals/hashCode and caching. */
        String describe();
    }

    /** The test for one segment; called with increasing doc ids. */
    interface LeafTest {
        boolean test(int doc) throws IOException;
    }

    private final Predicate predicate;
    private final float matchCost;

    DocPredicateQuery(Predicate predicate, float matchCost) {
        this.predicate = Objects.requireNonNull(predicate);
        this.matchCost = matchCost;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return ConstantScorers.weight(this, boost, (reader, score) -> {
            LeafTest test = predicate.open(reader);
            DocIdSetIterator approximation = DocIdSetIterator.all(reader.maxDoc());
            TwoPhaseIterator twoPhase = new TwoPhaseIterator(approximation) {
                @Override
                public boolean matches() throws IOException {
                    return test.test(approximation.docID());
                }

                @Override
                public float matchCost() {
                    return matchCost;
                }
            };
            return ConstantScorers.supplier(score, scoreMode, twoPhase, reader.maxDoc());
        });
    }

    @Override
    public String toString(String field) {
        return "DocPredicate(" + predicate.describe() + ")";
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && predicate.describe().equals(((DocPredicateQuery) other).predicate.describe());
    }

    @Override
    public int hashCode() {
        return classHash() * 31 + predicate.describe().hashCode();
    }
}
