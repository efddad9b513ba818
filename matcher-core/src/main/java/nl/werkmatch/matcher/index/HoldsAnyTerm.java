package nl.werkmatch.matcher.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * "The document holds at least one of these terms" as a test of collected documents, for the skill floor: a
 * document holding none of the other side's skill concepts has skills 0 and fails any floor above 0.
 *
 * <p>Why not a filter clause of the query: as a filter, the union of every concept's postings is intersected with
 * the place ranges in every window the top-k scorer looks at, and a term set of more than 16 terms is first turned
 * into a bit set of the whole segment; that was a third of a query's time at a million profiles. Tested on
 * collected documents only, the postings are advanced a few times per segment: once the collected threshold is
 * above what the other clauses can give without skills, the top-k scorer itself only reaches documents that hold
 * a skill concept. The postings are opened on the first test of a segment, so a segment without collected
 * documents costs nothing.
 */
final class HoldsAnyTerm implements DocPredicateQuery.Predicate {
    private final String field;
    private final List<BytesRef> terms;

    HoldsAnyTerm(String field, List<String> terms) {
        this.field = field;
        this.terms = new ArrayList<>(terms.size());
        for (String t : terms) {
            this.terms.add(new BytesRef(t));
        }
    }

    @Override
    public DocPredicateQuery.LeafTest open(LeafReader reader) {
        return new DocPredicateQuery.LeafTest() {
            private PostingsEnum[] postings;
            private int last = -1;

            @Override
            public boolean test(int doc) throws IOException {
                if (postings == null || doc < last) {
                    postings = postings(reader);   // first use, or asked again from an earlier document
                }
                last = doc;
                for (PostingsEnum p : postings) {
                    int at = p.docID();
                    if (at < doc) {
                        at = p.advance(doc);
                    }
                    if (at == doc) {
                        return true;
                    }
                }
                return false;
            }
        };
    }

    private PostingsEnum[] postings(LeafReader reader) throws IOException {
        Terms indexed = reader.terms(field);
        if (indexed == null) {
            return new PostingsEnum[0];
        }
        TermsEnum te = indexed.iterator();
        List<PostingsEnum> out = new ArrayList<>(terms.size());
        for (BytesRef t : terms) {
            if (te.seekExact(t)) {
                out.add(te.postings(null, PostingsEnum.NONE));
            }
        }
        return out.toArray(PostingsEnum[]::new);
    }

    /** Both tests, {@code first} (the cheaper) first. */
    static DocPredicateQuery.Predicate both(DocPredicateQuery.Predicate first, DocPredicateQuery.Predicate second) {
        return new DocPredicateQuery.Predicate() {
            @Override
            public DocPredicateQuery.LeafTest open(LeafReader reader) throws IOException {
                DocPredicateQuery.LeafTest a = first.open(reader);
                DocPredicateQuery.LeafTest b = second.open(reader);
                return doc -> a.test(doc) && b.test(doc);
            }

            @Override
            public String describe() {
                return "both(" + first.describe() + "," + second.describe() + ")";
            }
        };
    }

    @Override
    public String describe() {
        return "holdsAny(" + field + "," + terms.size() + "," + terms.hashCode() + ")";
    }
}
