package nl.werkmatch.matcher.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.geo.GeoPoint;

/** The place-range filter must keep every document within the radius (it may keep more: a box, coarse cells). */
class PlaceRangesQueryTest {

    private static GeoPoint randomInNetherlands(Random rnd) {
        return new GeoPoint(50.75 + rnd.nextDouble() * 2.8, 3.35 + rnd.nextDouble() * 3.9);
    }

    @Test
    void rangesCoverEveryPointWithinTheRadiusAndStayFew() {
        Random rnd = new Random(7);
        for (int q = 0; q < 300; q++) {
            GeoPoint center = randomInNetherlands(rnd);
            double radius = 0.5 + rnd.nextDouble() * (q % 3 == 0 ? 200 : 40);
            double dLat = radius / Math.toRadians(GeoPoint.EARTH_RADIUS_KM);
            PlaceRangesQuery query = PlaceRangesQuery.around(center, radius);
            long[] ranges = rangesOf(query);
            assertThat(ranges.length / 2).isBetween(1, 2 * PlaceRangesQuery.MAX_RANGES);
            for (int i = 0; i < 400; i++) {
                // points in and just around the circle
                GeoPoint p = new GeoPoint(center.lat() + (rnd.nextDouble() * 2 - 1) * dLat * 1.2,
                        center.lon() + (rnd.nextDouble() * 2 - 1) * dLat * 2);
                if (center.distanceKm(p) <= radius) {
                    assertThat(contains(ranges, Documents.zOrder(p))).as("%s within %s km of %s", p, radius, center)
                            .isTrue();
                }
            }
        }
    }

    @Test
    void aSearchFindsASupersetOfTheCircleInAPlaceSortedIndex() throws IOException {
        Random rnd = new Random(11);
        List<GeoPoint> points = new ArrayList<>();
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            IndexWriterConfig config = new IndexWriterConfig()
                    .setIndexSort(new Sort(new SortField(Fields.PLACE, SortField.Type.LONG)));
            try (IndexWriter w = new IndexWriter(dir, config)) {
                for (int i = 0; i < 5000; i++) {
                    GeoPoint p = randomInNetherlands(rnd);
                    points.add(p);
                    Document d = new Document();
                    d.add(new StringField(Fields.ID, Integer.toString(i), Field.Store.YES));
                    d.add(new NumericDocValuesField(Fields.PLACE, Documents.zOrder(p)));
                    w.addDocument(d);
                    if (i % 1700 == 0) {
                        w.commit();   // several segments
                    }
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                for (int q = 0; q < 50; q++) {
                    GeoPoint center = randomInNetherlands(rnd);
                    double radius = 2 + rnd.nextDouble() * 60;
                    Set<String> found = new HashSet<>();
                    for (ScoreDoc hit : searcher.search(PlaceRangesQuery.around(center, radius), 5000).scoreDocs) {
                        found.add(searcher.storedFields().document(hit.doc).get(Fields.ID));
                    }
                    for (int i = 0; i < points.size(); i++) {
                        if (center.distanceKm(points.get(i)) <= radius) {
                            assertThat(found).as("point %d within %s km", i, radius).contains(Integer.toString(i));
                        }
                    }
                    // and not the whole country: the box is a small part of it for small radii
                    if (radius < 15) {
                        assertThat(found.size()).isLessThan(points.size() / 4);
                    }
                }
            }
        }
    }

    private static long[] rangesOf(PlaceRangesQuery q) {
        try {
            var f = PlaceRangesQuery.class.getDeclaredField("ranges");
            f.setAccessible(true);
            return (long[]) f.get(q);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean contains(long[] ranges, long code) {
        for (int i = 0; i < ranges.length; i += 2) {
            if (code >= ranges[i] && code <= ranges[i + 1]) {
                return true;
            }
        }
        return false;
    }
}
