package nl.werkmatch.matcher.index;

import java.io.IOException;
import java.util.Objects;

import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

import nl.werkmatch.matcher.geo.GeoPoint;

/**
 * Profiles whose own travel limit may reach a place: per travel tier of the segment ({@link SegmentSummary#TIER_KM}),
 * those of the tier in the box around the circle of the tier's bound (plus a kilometre, as for the request's limit),
 * and everyone of the unbounded tier. A superset of who passes the candidate's own limit; the post filter decides
 * exactly. Without a request limit, a candidates query would otherwise walk every profile of the country that holds
 * a skill, while most live beyond the distance they would travel: this is the filter of the audit and of an
 * employer's search without a radius. A segment without place order or travel facts is walked whole.
 */
final class TravelReachQuery extends Query {
    private final GeoPoint center;

    TravelReachQuery(GeoPoint center) {
        this.center = Objects.requireNonNull(center);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        long[][] boxes = new long[SegmentSummary.TIER_KM.length][];   // per tier, made when a segment needs it
        return ConstantScorers.weight(this, boost, (reader, score) -> {
            SegmentSummary summary = SegmentSummary.of(reader);
            if (summary.places == null || summary.travelTiers == null) {
                return ConstantScorers.supplier(score, scoreMode, DocIdSetIterator.all(reader.maxDoc()));
            }
            FixedBitSet reach = summary.unboundedTier.clone();
            int[][] tiers = summary.travelTiers;
            for (int t = 0; t < SegmentSummary.UNBOUNDED_TIER; t++) {
                int[] docs = tiers[t];
                if (docs.length == 0) {
                    continue;
                }
                long[] box;
                synchronized (boxes) {
                    box = boxes[t];
                    if (box == null) {
                        box = boxes[t] = PlaceRangesQuery.box(center, SegmentSummary.TIER_KM[t] + 1);
                    }
                }
                // the tier's documents are in place order too: walk them range by range
                long[] places = summary.places;
                int at = 0;
                for (int r = 0; r < box.length && at < docs.length; r += 2) {
                    at = firstAtOrAbove(docs, places, at, box[r]);
                    for (; at < docs.length && places[docs[at]] <= box[r + 1]; at++) {
                        reach.set(docs[at]);
                    }
                }
            }
            int cost = reach.cardinality();
            if (cost == 0) {
                return null;
            }
            return ConstantScorers.supplier(score, scoreMode, new BitSetIterator(reach, cost));
        });
    }

    /**
     * The first index at or after {@code from} whose document's place code is at least {@code code}: a galloping
     * search, as consecutive ranges usually lie close together.
     */
    private static int firstAtOrAbove(int[] docs, long[] places, int from, long code) {
        if (from >= docs.length || places[docs[from]] >= code) {
            return from;
        }
        int lo = from;   // places[docs[lo]] < code
        int step = 1;
        int hi = from + 1;
        while (hi < docs.length && places[docs[hi]] < code) {
            lo = hi;
            step <<= 1;
            hi = lo + step;
        }
        hi = Math.min(hi, docs.length);
        lo++;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (places[docs[mid]] < code) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public String toString(String field) {
        return "TravelReach(" + center + ")";
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && center.equals(((TravelReachQuery) other).center);
    }

    @Override
    public int hashCode() {
        return classHash() * 31 + center.hashCode();
    }
}
