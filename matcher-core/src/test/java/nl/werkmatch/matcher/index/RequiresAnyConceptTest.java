package nl.werkmatch.matcher.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * The vacancies query's skill-floor test from the segment summary answers exactly "the vacancy requires one of
 * these concepts", as the postings do ({@link SkillFloorTest#holdsAny}), in every segment, for vacancies requiring nothing too.
 */
class RequiresAnyConceptTest {

    @Test
    void agreesWithThePostingsForEveryDocument() throws IOException {
        Random rnd = new Random(13);
        List<Set<Integer>> required = new ArrayList<>();
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
                for (int i = 0; i < 3000; i++) {
                    Set<Integer> concepts = new HashSet<>();
                    int n = rnd.nextInt(10) == 0 ? 0 : 1 + rnd.nextInt(12);
                    while (concepts.size() < n) {
                        concepts.add(rnd.nextInt(400));
                    }
                    required.add(concepts);
                    Document d = new Document();
                    d.add(new StringField(Fields.ID, Integer.toString(i), Field.Store.YES));
                    for (int c : concepts) {
                        d.add(new FeatureField(Fields.REQ, Documents.term(c), 0.5f));
                    }
                    w.addDocument(d);
                    if (i % 1000 == 999) {
                        w.commit();   // several segments
                    }
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                for (int q = 0; q < 40; q++) {
                    int[] covered = new int[1 + rnd.nextInt(40)];
                    List<String> terms = new ArrayList<>();
                    for (int i = 0; i < covered.length; i++) {
                        covered[i] = rnd.nextInt(q % 4 == 0 ? 1000 : 400);   // some beyond every required concept
                        terms.add(Documents.term(covered[i]));
                    }
                    RequiresAnyConcept fast = new RequiresAnyConcept(covered);
                    SkillFloorTest postings = SkillFloorTest.holdsAny(Fields.REQ, terms.toArray(String[]::new));
                    for (LeafReaderContext leaf : reader.leaves()) {
                        DocPredicateQuery.LeafTest a = fast.open(leaf.reader());
                        DocPredicateQuery.LeafTest b = postings.open(leaf.reader());
                        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                            int id = Integer.parseInt(leaf.reader().storedFields().document(doc).get(Fields.ID));
                            boolean expected = false;
                            for (int c : covered) {
                                expected |= required.get(id).contains(c);
                            }
                            assertThat(a.test(doc)).as("vacancy %d, query %d", id, q).isEqualTo(expected);
                            assertThat(b.test(doc)).isEqualTo(expected);
                        }
                    }
                }
            }
        }
    }
}
