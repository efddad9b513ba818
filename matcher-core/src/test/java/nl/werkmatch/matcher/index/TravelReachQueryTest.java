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

/**
 * The own-travel filter of candidates queries without a request limit must keep everyone whose own limit reaches
 * the vacancy and everyone without a limit, in every tier and on the tier bounds, and leave out most of the rest.
 */
class TravelReachQueryTest {

    private static GeoPoint randomInNetherlands(Random rnd) {
        return new GeoPoint(50.75 + rnd.nextDouble() * 2.8, 3.35 + rnd.nextDouble() * 3.9);
    }

    @Test
    void keepsEveryoneWhoseOwnLimitReachesAndEveryoneWithoutOne() throws IOException {
        Random rnd = new Random(5);
        List<GeoPoint> points = new ArrayList<>();
        List<Integer> limits = new ArrayList<>();
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            IndexWriterConfig config = new IndexWriterConfig()
                    .setIndexSort(new Sort(new SortField(Fields.PLACE, SortField.Type.LONG)));
            try (IndexWriter w = new IndexWriter(dir, config)) {
                for (int i = 0; i < 6000; i++) {
                    GeoPoint p = randomInNetherlands(rnd);
                    // no limit (stored as -1), a missing value (also none), a tier bound exactly, above the last bound, or 0-60 km
                    int limit = rnd.nextInt(8) == 0 ? -1 : rnd.nextInt(10) == 0 ? SegmentSummary.TIER_KM[rnd.nextInt(SegmentSummary.TIER_KM.length)]
                            : rnd.nextInt(50) == 0 ? 501 + rnd.nextInt(100) : rnd.nextInt(i < 2000 ? 20 : 61);
                    boolean missing = limit < 0 && rnd.nextBoolean();
                    points.add(p);
                    limits.add(limit);
                    Document d = new Document();
                    d.add(new StringField(Fields.ID, Integer.toString(i), Field.Store.YES));
                    d.add(new NumericDocValuesField(Fields.PLACE, Documents.zOrder(p)));
                    if (!missing) {
                        d.add(new NumericDocValuesField(Fields.TRAVEL, limit));
                    }
                    w.addDocument(d);
                    if (i % 2000 == 1999) {
                        w.commit();   // several segments, with different longest limits
                    }
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                for (int q = 0; q < 60; q++) {
                    GeoPoint center = randomInNetherlands(rnd);
                    Set<String> found = new HashSet<>();
                    for (ScoreDoc hit : searcher.search(new TravelReachQuery(center), 6000).scoreDocs) {
                        found.add(searcher.storedFields().document(hit.doc).get(Fields.ID));
                    }
                    int reach = 0;
                    for (int i = 0; i < points.size(); i++) {
                        int limit = limits.get(i);
                        if (limit < 0 || center.distanceKm(points.get(i)) <= limit) {
                            reach++;
                            assertThat(found).as("profile %d (limit %d km) for %s", i, limit, center)
                                    .contains(Integer.toString(i));
                        }
                    }
                    assertThat(found.size()).as("a superset, but not the country").isGreaterThanOrEqualTo(reach)
                            .isLessThan(points.size());
                    // and tight: a bounded profile is kept only near its tier's box
                    for (int i = 0; i < points.size(); i++) {
                        int limit = limits.get(i);
                        if (limit >= 0 && limit <= 500 && found.contains(Integer.toString(i))) {
                            int t = 0;
                            while (SegmentSummary.TIER_KM[t] < limit) {
                                t++;
                            }
                            assertThat(center.distanceKm(points.get(i)))
                                    .as("profile %d (limit %d km) kept for %s", i, limit, center)
                                    .isLessThanOrEqualTo(2.0 * (SegmentSummary.TIER_KM[t] + 1) + 5);
                        }
                    }
                }
            }
        }
    }
}
