package nl.werkmatch.matcher.index;

import java.io.IOException;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.SloppyMath;

import nl.werkmatch.matcher.geo.GeoPoint;

/**
 * The distance part of the pair score, {@code weight * pivot / (pivot + km)}, for every document with a point,
 * from its exact coordinates. Per block of documents it reports the score at the nearest corner-or-edge of the
 * block's bounding box ({@link SegmentSummary}), so Lucene's top-k scorer skips stretches of the (place-sorted)
 * index that lie far away. Lucene's own distance feature reports one global maximum and works on quantized points.
 */
final class DistanceScoreQuery extends Query {
    private static final double KM_PER_DEGREE = Math.toRadians(GeoPoint.EARTH_RADIUS_KM);
    /** The flat-earth lower bound of a block's distance is shrunk by this much, to stay below the true distance. */
    private static final double SAFETY = 0.99;

    private final GeoPoint origin;
    private final double weight;
    private final double pivotKm;

    DistanceScoreQuery(GeoPoint origin, double weight, double pivotKm) {
        this.origin = origin;
        this.weight = weight;
        this.pivotKm = pivotKm;
    }

    private double scoreAt(double lat, double lon) {
        return score(origin, lat, lon, weight, pivotKm);
    }

    /**
     * The clause's score of a point: the distance part of the pair score by Lucene's fast haversine, within
     * {@link QueryCompiler#maxError} of the exact one.
     */
    static double score(GeoPoint origin, double lat, double lon, double weight, double pivotKm) {
        double km = SloppyMath.haversinMeters(origin.lat(), origin.lon(), lat, lon) / 1000;
        return weight * pivotKm / (pivotKm + km);
    }

    /** An upper bound of the score of any point in the box: a lower bound of its distance, flat-earth. */
    private double bound(double minLat, double maxLat, double minLon, double maxLon) {
        if (minLat > maxLat) {
            return 0;   // no document of the block has a point
        }
        double dLat = Math.max(0, Math.max(minLat - origin.lat(), origin.lat() - maxLat));
        double dLon = Math.max(0, Math.max(minLon - origin.lon(), origin.lon() - maxLon));
        double highest = Math.max(Math.abs(origin.lat()), Math.max(Math.abs(minLat), Math.abs(maxLat)));
        double kmLat = dLat * KM_PER_DEGREE;
        double kmLon = dLon * KM_PER_DEGREE * Math.cos(Math.toRadians(Math.min(89.9, highest)));
        double km = Math.sqrt(kmLat * kmLat + kmLon * kmLon) * SAFETY;
        return weight * pivotKm / (pivotKm + km);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new Weight(this) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
                SegmentSummary s = SegmentSummary.of(context.reader());
                long cost = context.reader().maxDoc();
                return new ScorerSupplier() {
                    @Override
                    public Scorer get(long leadCost) {
                        BlockBounds bounds = new BlockBounds(s.blocks, (float) (boost * weight),
                                b -> boost * bound(s.minLat[b], s.maxLat[b], s.minLon[b], s.maxLon[b]));
                        return new DistanceScorer(s.lats, s.lons, boost, bounds);
                    }

                    @Override
                    public long cost() {
                        return cost;
                    }
                };
            }

            @Override
            public Explanation explain(LeafReaderContext context, int doc) throws IOException {
                SegmentSummary s = SegmentSummary.of(context.reader());
                if (Double.isNaN(s.lats[doc])) {
                    return Explanation.match(0f, "no point");
                }
                return Explanation.match((float) (boost * scoreAt(s.lats[doc], s.lons[doc])), "distance from " + origin);
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                return false;
            }
        };
    }

    /** Matches every document; one without a point (a remote vacancy) scores 0 here. */
    private final class DistanceScorer extends EveryDocScorer {
        private final double[] lats;
        private final double[] lons;
        private final float boost;

        DistanceScorer(double[] lats, double[] lons, float boost, BlockBounds bounds) {
            super(lats.length, bounds, (float) (boost * weight));
            this.lats = lats;
            this.lons = lons;
            this.boost = boost;
        }

        private double lastLat = Double.NaN;
        private double lastLon = Double.NaN;
        private float lastScore;

        @Override
        public float score() {
            int doc = docID();
            double lat = lats[doc];
            if (Double.isNaN(lat)) {
                return 0f;
            }
            double lon = lons[doc];
            if (lat != lastLat || lon != lastLon) {   // neighbours in place order often share a point
                lastLat = lat;
                lastLon = lon;
                lastScore = (float) (boost * scoreAt(lat, lon));
            }
            return lastScore;
        }
    }

    @Override
    public String toString(String field) {
        return "DistanceScore(" + origin + ", w=" + weight + ", pivot=" + pivotKm + ")";
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public boolean equals(Object other) {
        if (!sameClassAs(other)) {
            return false;
        }
        DistanceScoreQuery o = (DistanceScoreQuery) other;
        return origin.equals(o.origin) && weight == o.weight && pivotKm == o.pivotKm;
    }

    @Override
    public int hashCode() {
        return classHash() * 31 + origin.hashCode() * 17 + Double.hashCode(weight) + Double.hashCode(pivotKm);
    }
}
