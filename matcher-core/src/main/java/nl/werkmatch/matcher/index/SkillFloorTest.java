package nl.werkmatch.matcher.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * "The profile's skills value reaches the skill floor" as a test of collected documents: the sum over the
 * vacancy's required concepts of share times the profile's credit, read from the skill postings (a credit is its
 * posting's FeatureField value, stored exactly), the very sum {@code Scorer.skillsValue} takes. It lets through
 * every profile that meets the floor (a margin far above the float error keeps it a superset) and stops most of
 * those that do not before they take a place in the top n: with many required concepts, many profiles hold one
 * or two with little credit, and each of those used to fill the window until the exact check at rescoring
 * dropped it, so a deep page needed a second, deeper search (the slowest top-100 queries of the benchmark). The
 * sum costs more per document than "holds one of them" ({@link #holdsAny}), which stops at the first held concept;
 * a short page, whose threshold rises quickly, is faster with that (top-10 p50 8% less).
 *
 * <p>Why not a filter clause of the query: as a filter, the union of every concept's postings is intersected with
 * the place ranges in every window the top-k scorer looks at, and a term set of more than 16 terms is first turned
 * into a bit set of the whole segment; that was a third of a query's time at a million profiles. Tested on
 * collected documents only, the postings are advanced a few times per segment, in doc order. The postings are
 * opened on the first test of a segment, so a segment without collected documents costs nothing.
 */
final class SkillFloorTest implements DocPredicateQuery.Predicate {
    /** Far above the rounding of a sum of a few dozen exact products, far below any floor that means something. */
    private static final double MARGIN = 1e-9;

    private final String field;
    private final BytesRef[] terms;    // by share, largest first, so that the floor is usually reached early
    private final double[] shares;
    private final double floor;
    /** Whether holding any of the concepts passes (no floor to sum to). */
    private final boolean any;

    /** "The document holds at least one of these concepts": passes at the first held one, reads no credit. */
    static SkillFloorTest holdsAny(String field, String[] concepts) {
        return new SkillFloorTest(field, concepts, new double[concepts.length], 0);
    }

    /**
     * @param concepts the required concepts' terms
     * @param shares   their shares of the skills value, in the same order
     * @param floor    the skill floor; 0 for "holds any" (then the shares are not read)
     */
    SkillFloorTest(String field, String[] concepts, double[] shares, double floor) {
        this.field = field;
        Integer[] order = new Integer[concepts.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -shares[i]));
        this.terms = new BytesRef[concepts.length];
        this.shares = new double[concepts.length];
        for (int i = 0; i < order.length; i++) {
            this.terms[i] = new BytesRef(concepts[order[i]]);
            this.shares[i] = shares[order[i]];
        }
        this.floor = floor - MARGIN;
        this.any = floor <= 0;
    }

    @Override
    public DocPredicateQuery.LeafTest open(LeafReader reader) {
        return new DocPredicateQuery.LeafTest() {
            private PostingsEnum[] postings;
            private double[] weights;
            private double[] rest;          // rest[i]: the most the terms from i on can still add
            private int last = -1;

            @Override
            public boolean test(int doc) throws IOException {
                if (postings == null || doc < last) {
                    open();   // first use, or asked again from an earlier document
                }
                last = doc;
                if (any) {
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
                double sum = 0;
                for (int i = 0; i < postings.length; i++) {
                    if (sum + rest[i] < floor) {
                        return false;   // even full credit on every remaining concept stays below the floor
                    }
                    PostingsEnum p = postings[i];
                    int at = p.docID();
                    if (at < doc) {
                        at = p.advance(doc);
                    }
                    if (at == doc) {
                        sum += weights[i] * Float.intBitsToFloat(p.freq() << 15);   // FeatureField's value
                        if (sum >= floor) {
                            return true;
                        }
                    }
                }
                return sum >= floor;
            }

            private void open() throws IOException {
                Terms indexed = reader.terms(field);
                PostingsEnum[] found = new PostingsEnum[terms.length];
                double[] w = new double[terms.length];
                int n = 0;
                if (indexed != null) {
                    TermsEnum te = indexed.iterator();
                    for (int i = 0; i < terms.length; i++) {
                        if (te.seekExact(terms[i])) {
                            found[n] = te.postings(null, any ? PostingsEnum.NONE : PostingsEnum.FREQS);
                            w[n++] = shares[i];
                        }
                    }
                }
                postings = Arrays.copyOf(found, n);
                weights = Arrays.copyOf(w, n);
                rest = new double[n + 1];
                for (int i = n - 1; i >= 0; i--) {
                    rest[i] = rest[i + 1] + weights[i];   // a credit is at most 1
                }
            }
        };
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
        return (any ? "holdsAny(" : "skillFloor(") + field + "," + floor + "," + Arrays.hashCode(terms) + "," + Arrays.hashCode(shares) + ")";
    }
}
