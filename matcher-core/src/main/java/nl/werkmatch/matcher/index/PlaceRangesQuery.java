package nl.werkmatch.matcher.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;

import nl.werkmatch.matcher.geo.GeoPoint;

/**
 * Documents near a point, found through the index order instead of a point tree: every segment is sorted by the
 * Z-order code of the place ({@link Documents#zOrder}), so the documents in a box are a few runs of doc ids. The
 * box around the circle is split into at most {@value #MAX_RANGES} Z-code ranges, each range becomes a doc id range
 * by binary search in the segment's place codes, and the iterator walks those runs; no per-document work until the
 * exact test in the post filter. A superset of the circle: the caller decides the exact distance.
 * The place codes come from the {@link SegmentSummary}.
 */
final class PlaceRangesQuery extends Query {
    static final int MAX_RANGES = 48;
    private static final double KM_PER_DEGREE = Math.toRadians(GeoPoint.EARTH_RADIUS_KM);


    /** Sorted, disjoint, inclusive Z-code ranges: lo0, hi0, lo1, hi1, ... */
    private final long[] ranges;
    private final String description;

    private PlaceRangesQuery(long[] ranges, String description) {
        this.ranges = ranges;
        this.description = description;
    }

    /** Documents whose place lies in the lat/lon box around the circle (a superset of the circle). */
    static PlaceRangesQuery around(GeoPoint center, double radiusKm) {
        double dLat = radiusKm / KM_PER_DEGREE;
        double maxLat = Math.min(89.9, Math.abs(center.lat()) + dLat);
        double dLon = Math.min(180, dLat / Math.cos(Math.toRadians(maxLat)));
        long lat0 = Documents.quantizeLat(Math.max(-90, center.lat() - dLat));
        long lat1 = Documents.quantizeLat(Math.min(90, center.lat() + dLat));
        long lon0 = Documents.quantizeLon(Math.max(-180, center.lon() - dLon));
        long lon1 = Documents.quantizeLon(Math.min(180, center.lon() + dLon));
        return new PlaceRangesQuery(cover(lat0, lat1, lon0, lon1),
                "near(" + center + "," + radiusKm + ")");
    }

    /**
     * Z-code ranges covering the quantized box: the quadtree is refined level by level, keeping cells inside the
     * box and dropping cells outside it, while the cells crossing its edge stay within the budget; those left at
     * the end are taken whole.
     */
    static long[] cover(long lat0, long lat1, long lon0, long lon1) {
        List<long[]> out = new ArrayList<>();
        List<long[]> partial = new ArrayList<>();
        partial.add(new long[] {0, 0});   // cell prefix: lat bits, lon bits, at level 0
        int level = 0;
        while (!partial.isEmpty() && level < Documents.PLACE_BITS) {
            List<long[]> next = new ArrayList<>();
            int shift = Documents.PLACE_BITS - level - 1;
            for (long[] cell : partial) {
                for (int q = 0; q < 4; q++) {
                    long la = (cell[0] << 1) | (q & 1);
                    long lo = (cell[1] << 1) | (q >> 1);
                    long cLat0 = la << shift;
                    long cLat1 = cLat0 | ((1L << shift) - 1);
                    long cLon0 = lo << shift;
                    long cLon1 = cLon0 | ((1L << shift) - 1);
                    if (cLat1 < lat0 || cLat0 > lat1 || cLon1 < lon0 || cLon0 > lon1) {
                        continue;
                    }
                    if (cLat0 >= lat0 && cLat1 <= lat1 && cLon0 >= lon0 && cLon1 <= lon1) {
                        out.add(new long[] {Documents.interleave(cLat0, cLon0), Documents.interleave(cLat1, cLon1)});
                    } else {
                        next.add(new long[] {la, lo, cLat0, cLat1, cLon0, cLon1});
                    }
                }
            }
            level++;
            if (out.size() + next.size() > MAX_RANGES || level == Documents.PLACE_BITS) {
                for (long[] c : next) {
                    out.add(new long[] {Documents.interleave(c[2], c[4]), Documents.interleave(c[3], c[5])});
                }
                break;
            }
            partial = next;
        }
        out.sort((a, b) -> Long.compare(a[0], b[0]));
        long[] merged = new long[out.size() * 2];
        int n = 0;
        for (long[] r : out) {
            if (n > 0 && r[0] <= merged[n - 1] + 1) {
                merged[n - 1] = Math.max(merged[n - 1], r[1]);
            } else {
                merged[n++] = r[0];
                merged[n++] = r[1];
            }
        }
        return Arrays.copyOf(merged, n);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return ConstantScorers.weight(this, boost, (reader, score) -> {
            long[] places = SegmentSummary.of(reader).places;
            if (places == null) {
                return ConstantScorers.supplier(score, scoreMode, DocIdSetIterator.all(reader.maxDoc()));
            }
            int[] runs = docRuns(places, ranges);
            if (runs.length == 0) {
                return null;
            }
            return ConstantScorers.supplier(score, scoreMode, new RangesIterator(runs));
        });
    }

    /** The Z-code ranges of {@link #cover} of the box around a circle. */
    static long[] box(GeoPoint center, double radiusKm) {
        return around(center, radiusKm).ranges;
    }

    /** The doc id runs [from, to) of a segment sorted by place code whose codes lie in the given Z-code ranges. */
    private static int[] docRuns(long[] places, long[] ranges) {
        int[] docRanges = new int[ranges.length];
        int n = 0;
        for (int i = 0; i < ranges.length; i += 2) {
            int from = lowerBound(places, ranges[i]);
            int to = ranges[i + 1] == Long.MAX_VALUE ? places.length : lowerBound(places, ranges[i + 1] + 1);
            if (from < to) {
                docRanges[n++] = from;
                docRanges[n++] = to;
            }
        }
        return Arrays.copyOf(docRanges, n);
    }

    /** The first index whose value is >= key. */
    private static int lowerBound(long[] a, long key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Iterates ascending, disjoint runs [from, to) of doc ids. */
    private static final class RangesIterator extends DocIdSetIterator {
        private final int[] runs;
        private final long cost;
        private int run;
        private int doc = -1;

        RangesIterator(int[] runs) {
            this.runs = runs;
            long c = 0;
            for (int i = 0; i < runs.length; i += 2) {
                c += runs[i + 1] - runs[i];
            }
            this.cost = c;
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
            while (run < runs.length && runs[run + 1] <= target) {
                run += 2;
            }
            if (run >= runs.length) {
                return doc = NO_MORE_DOCS;
            }
            return doc = Math.max(target, runs[run]);
        }

        @Override
        public int docIDRunEnd() {
            return runs[run + 1];
        }

        @Override
        public void intoBitSet(int upTo, FixedBitSet bitSet, int offset) {
            while (doc < upTo) {
                int end = Math.min(runs[run + 1], upTo);
                bitSet.set(doc - offset, end - offset);
                if (end < runs[run + 1]) {
                    doc = end;
                    return;
                }
                nextDoc();
            }
        }

        @Override
        public long cost() {
            return cost;
        }
    }

    @Override
    public String toString(String field) {
        return "PlaceRanges(" + description + ", " + ranges.length / 2 + " ranges)";
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && Arrays.equals(ranges, ((PlaceRangesQuery) other).ranges);
    }

    @Override
    public int hashCode() {
        return classHash() * 31 + Arrays.hashCode(ranges);
    }
}
