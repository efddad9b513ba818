package nl.werkmatch.matcher.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * What the engine's own clauses need to know about a segment beyond its doc values, read once per segment and
 * kept until the segment closes: the place code of every document (the segment is sorted by it, so a box on the
 * map is a few doc id runs) and, per block of {@value #BLOCK} documents, the bounding box of their points and the
 * highest value of each packed attribute. The blocks give the top-k scorer a tighter upper bound on the distance
 * and attribute scores of a stretch of documents than the clause's global maximum, so it skips stretches that
 * cannot compete: documents near each other in the index are near each other on the map.
 *
 * <p>It also holds every document's packed attributes and exact coordinates, which the scoring clauses read for
 * every document they score: plain arrays are several times cheaper to read than doc values. Memory: 32 bytes per
 * document, 6 more and a bit per profile (its travel limit and tier), 4 per required concept of a vacancy, plus
 * about 50 bytes per block of 128; built when a searcher opens a new segment (see {@link IndexSide}), so queries
 * never wait for it.
 */
final class SegmentSummary {
    static final int BLOCK_SHIFT = 7;
    static final int BLOCK = 1 << BLOCK_SHIFT;
    private static final Map<IndexReader.CacheKey, SegmentSummary> CACHE = new ConcurrentHashMap<>();

    /** Place codes in doc id order, or null when the segment is not sorted by them. */
    final long[] places;
    /** Per document: packed {@link Attributes} (0 when absent), latitude and longitude (NaN without a point). */
    final long[] attributes;
    final double[] lats;
    final double[] lons;
    final int blocks;
    /** Per block and language skill (block * 4 + skill): the highest Dutch rank in the block. */
    final byte[] maxDutch;
    final byte[] maxEnglish;
    /** Per block: bit e set when a document of the block has education level (ordinal) e. */
    final byte[] educations;
    /** Per block: the bounding box of the documents' points; minLat > maxLat when none has a point. */
    final double[] minLat;
    final double[] maxLat;
    final double[] minLon;
    final double[] maxLon;
    /**
     * The upper bounds (km) of the travel tiers: a profile whose own limit is L belongs to the first tier whose bound
     * is at least L; the last tier, {@link #UNBOUNDED_TIER}, holds those without a limit and any above the last bound.
     */
    static final int[] TIER_KM = {5, 10, 15, 20, 25, 30, 40, 50, 60, 75, 100, 150, 200, 300, 500};
    static final int UNBOUNDED_TIER = TIER_KM.length;
    /**
     * In profile segments, per travel tier the documents in it (increasing), so that a query without a distance
     * limit can keep only the people whose own limit may reach the place ({@link TravelReachQuery}); null in segments
     * without the field (vacancies), where nobody has a limit.
     */
    final int[][] travelTiers;
    /**
     * In vacancy segments, every document's required concepts: those of document d are
     * {@code requiredConcepts[requiredStarts[d] .. requiredStarts[d + 1])}; null in segments without the field. The
     * skill floor's "requires one of the profile's concepts" reads them instead of seeking ~30 terms per query.
     */
    final int[] requiredStarts;
    final int[] requiredConcepts;
    /** In profile segments, every document's own travel limit in km (-1: none), and the unbounded tier as a bit set. */
    final short[] travelKm;
    final FixedBitSet unboundedTier;

    private SegmentSummary(LeafReader reader) throws IOException {
        int maxDoc = reader.maxDoc();
        blocks = (maxDoc + BLOCK - 1) >>> BLOCK_SHIFT;
        maxDutch = new byte[blocks * 4];
        maxEnglish = new byte[blocks];
        educations = new byte[blocks];
        minLat = new double[blocks];
        maxLat = new double[blocks];
        minLon = new double[blocks];
        maxLon = new double[blocks];
        Arrays.fill(minLat, Double.POSITIVE_INFINITY);
        Arrays.fill(maxLat, Double.NEGATIVE_INFINITY);
        Arrays.fill(minLon, Double.POSITIVE_INFINITY);
        Arrays.fill(maxLon, Double.NEGATIVE_INFINITY);

        long[] codes = new long[maxDoc];
        NumericDocValues place = DocValues.getNumeric(reader, Fields.PLACE);
        // documents without a place (remote vacancies) sort as 0, before every place in the Netherlands
        for (int doc = place.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = place.nextDoc()) {
            codes[doc] = place.longValue();
        }
        boolean sorted = true;
        for (int i = 1; i < maxDoc && sorted; i++) {
            sorted = codes[i] >= codes[i - 1];
        }
        places = sorted ? codes : null;

        attributes = new long[maxDoc];
        lats = new double[maxDoc];
        lons = new double[maxDoc];
        Arrays.fill(lats, Double.NaN);
        Arrays.fill(lons, Double.NaN);
        NumericDocValues attrs = DocValues.getNumeric(reader, Fields.ATTRS);
        for (int doc = attrs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = attrs.nextDoc()) {
            long a = attrs.longValue();
            attributes[doc] = a;
            int b = doc >>> BLOCK_SHIFT;
            for (int s = 0; s < 4; s++) {
                maxDutch[b * 4 + s] = (byte) Math.max(maxDutch[b * 4 + s], Attributes.dutch(a, s));
            }
            maxEnglish[b] = (byte) Math.max(maxEnglish[b], Attributes.english(a));
            educations[b] |= (byte) (1 << Attributes.education(a));
        }
        NumericDocValues lat = DocValues.getNumeric(reader, Fields.LAT);
        NumericDocValues lon = DocValues.getNumeric(reader, Fields.LON);
        for (int doc = lat.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = lat.nextDoc()) {
            if (!lon.advanceExact(doc)) {
                continue;
            }
            int b = doc >>> BLOCK_SHIFT;
            double la = Double.longBitsToDouble(lat.longValue());
            double lo = Double.longBitsToDouble(lon.longValue());
            lats[doc] = la;
            lons[doc] = lo;
            minLat[b] = Math.min(minLat[b], la);
            maxLat[b] = Math.max(maxLat[b], la);
            minLon[b] = Math.min(minLon[b], lo);
            maxLon[b] = Math.max(maxLon[b], lo);
        }

        int[][] required = requiredConcepts(reader, maxDoc);
        requiredStarts = required == null ? null : required[0];
        requiredConcepts = required == null ? null : required[1];

        NumericDocValues travel = reader.getNumericDocValues(Fields.TRAVEL);
        if (travel == null) {
            travelKm = null;
            travelTiers = null;
            unboundedTier = null;
        } else {
            travelKm = new short[maxDoc];
            Arrays.fill(travelKm, (short) -1);   // no value: no limit
            for (int doc = travel.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = travel.nextDoc()) {
                // any limit above Short.MAX_VALUE km is beyond every distance on earth: the same filter
                travelKm[doc] = (short) Math.min(Short.MAX_VALUE, travel.longValue() < 0 ? -1 : travel.longValue());
            }
            travelTiers = travelTiers(travelKm);
            unboundedTier = new FixedBitSet(Math.max(1, maxDoc));
            for (int doc : travelTiers[UNBOUNDED_TIER]) {
                unboundedTier.set(doc);
            }
        }
    }

    /** The required concepts of every document as {starts, concepts}, from the postings; null without the field. */
    private static int[][] requiredConcepts(LeafReader reader, int maxDoc) throws IOException {
        Terms terms = reader.terms(Fields.REQ);
        if (terms == null) {
            return null;
        }
        int[] starts = new int[maxDoc + 1];
        TermsEnum te = terms.iterator();
        PostingsEnum postings = null;
        for (BytesRef t = te.next(); t != null; t = te.next()) {
            postings = te.postings(postings, PostingsEnum.NONE);
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                starts[doc + 1]++;
            }
        }
        for (int d = 0; d < maxDoc; d++) {
            starts[d + 1] += starts[d];
        }
        int[] concepts = new int[starts[maxDoc]];
        int[] next = Arrays.copyOf(starts, maxDoc);
        te = terms.iterator();
        for (BytesRef t = te.next(); t != null; t = te.next()) {
            int concept = Integer.parseInt(t.utf8ToString());
            postings = te.postings(postings, PostingsEnum.NONE);
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                concepts[next[doc]++] = concept;
            }
        }
        return new int[][] {starts, concepts};
    }

    private static int[][] travelTiers(short[] travelKm) {
        int maxDoc = travelKm.length;
        byte[] tier = new byte[maxDoc];
        int[] sizes = new int[UNBOUNDED_TIER + 1];
        for (int doc = 0; doc < maxDoc; doc++) {
            int km = travelKm[doc];
            int t = km < 0 ? UNBOUNDED_TIER : 0;
            while (t < TIER_KM.length && TIER_KM[t] < km) {
                t++;
            }
            tier[doc] = (byte) t;
            sizes[t]++;
        }
        int[][] tiers = new int[UNBOUNDED_TIER + 1][];
        for (int t = 0; t < tiers.length; t++) {
            tiers[t] = new int[sizes[t]];
            sizes[t] = 0;
        }
        for (int doc = 0; doc < maxDoc; doc++) {
            tiers[tier[doc]][sizes[tier[doc]]++] = doc;
        }
        return tiers;
    }

    static SegmentSummary of(LeafReader reader) throws IOException {
        IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
        if (helper == null) {
            return new SegmentSummary(reader);
        }
        SegmentSummary cached = CACHE.get(helper.getKey());
        if (cached == null) {
            cached = new SegmentSummary(reader);
            if (CACHE.putIfAbsent(helper.getKey(), cached) == null) {
                helper.addClosedListener(CACHE::remove);
            } else {
                cached = CACHE.get(helper.getKey());
            }
        }
        return cached;
    }

    /** How many segments have a summary now; for tests that check summaries leave with their segments. */
    static int cachedSegments() {
        return CACHE.size();
    }

    /**
     * The attributes of a made-up document that is at least as good as every document of the block for a score
     * that rises with each Dutch and the English rank: those ranks at their block maximum, the given education.
     */
    long bestAttributes(int block, int education) {
        long a = 0;
        for (int s = 0; s < 4; s++) {
            a |= (long) maxDutch[block * 4 + s] << (3 * s);
        }
        a |= (long) maxEnglish[block] << 12;
        return a | ((long) education << 15);
    }
}
