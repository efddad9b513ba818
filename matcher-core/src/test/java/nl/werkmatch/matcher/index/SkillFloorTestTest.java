package nl.werkmatch.matcher.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.internal.Scorer;

/**
 * The candidates query's skill-floor post filter against the skills value summed the way the scorer sums it:
 * it keeps every profile at or above the floor and drops every one clearly below, in every segment, for floors
 * from tiny to above what anyone reaches, and for documents tested out of order.
 */
class SkillFloorTestTest {
    @Test
    void keepsExactlyTheProfilesWhoseSkillsValueReachesTheFloor() throws Exception {
        Random rnd = new Random(1616);
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        List<Map<Integer, Double>> credits = new ArrayList<>();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
            for (int id = 0; id < 600; id++) {
                Map<Integer, Double> held = new HashMap<>();
                int n = rnd.nextInt(30);
                while (held.size() < n) {
                    held.put(rnd.nextInt(300), Scorer.indexable(0.05 + 0.95 * rnd.nextDouble()));
                }
                credits.add(held);
                int[] c = held.keySet().stream().mapToInt(Integer::intValue).toArray();
                Document d = new Document();
                d.add(new StringField(Fields.ID, Integer.toString(id), Field.Store.YES));
                if (c.length > 0) {
                    d.add(new FeatureList(Fields.SKILL, c.length, i -> c[i], i -> held.get(c[i])));
                }
                w.addDocument(d);
                if (id % 150 == 149) {
                    w.commit();   // several segments
                }
            }
        }
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            assertThat(reader.leaves()).hasSizeGreaterThan(1);
            int kept = 0;
            int dropped = 0;
            for (int q = 0; q < 60; q++) {
                int n = 1 + rnd.nextInt(15);
                int[] required = rnd.ints(0, 320).distinct().limit(n).toArray();   // some held by no one
                double[] shares = new double[n];
                String[] terms = new String[n];
                for (int i = 0; i < n; i++) {
                    shares[i] = Scorer.indexable((1 + rnd.nextInt(3)) / (2.0 * n));
                    terms[i] = Documents.term(required[i]);
                }
                double floor = switch (q % 4) {
                    case 0 -> 0.001;
                    case 1 -> 0.05;
                    case 2 -> 0.2 + 0.3 * rnd.nextDouble();
                    default -> 2.0;   // above any sum of shares
                };
                SkillFloorTest test = new SkillFloorTest(Fields.SKILL, terms, shares, floor);
                for (LeafReaderContext leaf : reader.leaves()) {
                    DocPredicateQuery.LeafTest t = test.open(leaf.reader());
                    int max = leaf.reader().maxDoc();
                    // in order, then a few out of order (the test must reopen its postings)
                    int[] docs = new int[max + 10];
                    for (int d = 0; d < max; d++) {
                        docs[d] = d;
                    }
                    for (int j = 0; j < 10; j++) {
                        docs[max + j] = rnd.nextInt(max);
                    }
                    for (int doc : docs) {
                        int id = Integer.parseInt(leaf.reader().storedFields().document(doc).get(Fields.ID));
                        double value = 0;
                        for (int i = 0; i < n; i++) {
                            value += shares[i] * credits.get(id).getOrDefault(required[i], 0.0);
                        }
                        boolean passed = t.test(doc);
                        if (value >= floor) {
                            assertThat(passed).as("id %d, query %d: %s >= %s", id, q, value, floor).isTrue();
                            kept++;
                        } else if (value < floor - 1e-6) {
                            assertThat(passed).as("id %d, query %d: %s < %s", id, q, value, floor).isFalse();
                            dropped++;
                        }
                    }
                }
            }
            assertThat(kept).isGreaterThan(1000);
            assertThat(dropped).isGreaterThan(1000);
        }
    }
}
