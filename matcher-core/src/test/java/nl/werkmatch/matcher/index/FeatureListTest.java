package nl.werkmatch.matcher.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** One FeatureList field indexes exactly what one FeatureField per feature would, and mixes with them. */
class FeatureListTest {
    private record Postings(List<String> rows) {
    }

    private static Postings postings(LeafReader r, String field) throws Exception {
        List<String> rows = new ArrayList<>();
        Terms terms = r.terms(field);
        TermsEnum te = terms.iterator();
        for (BytesRef t = te.next(); t != null; t = te.next()) {
            PostingsEnum pe = te.postings(null, PostingsEnum.FREQS);
            for (int d = pe.nextDoc(); d != PostingsEnum.NO_MORE_DOCS; d = pe.nextDoc()) {
                rows.add(t.utf8ToString() + "@" + d + "=" + pe.freq());
            }
        }
        return new Postings(rows);
    }

    @Test
    void theSamePostingsAsOneFeatureFieldPerFeatureOnRandomDocuments() throws Exception {
        Random random = new Random(16);
        ByteBuffersDirectory lists = new ByteBuffersDirectory();
        ByteBuffersDirectory fields = new ByteBuffersDirectory();
        try (IndexWriter a = new IndexWriter(lists, new IndexWriterConfig());
             IndexWriter b = new IndexWriter(fields, new IndexWriterConfig())) {
            for (int doc = 0; doc < 300; doc++) {
                int n = random.nextInt(40);
                int[] concepts = random.ints(0, 20_000).distinct().limit(n).toArray();
                double[] values = new double[n];
                for (int i = 0; i < n; i++) {
                    // both ends of the range and everything between, at and off the 9-bit grid
                    values[i] = i % 5 == 0 ? 1.0 : i % 7 == 0 ? Float.MIN_NORMAL : random.nextDouble() + 1e-9;
                }
                Document da = new Document();
                da.add(new FeatureList("skill", n, i -> concepts[i], i -> values[i]));
                a.addDocument(da);
                Document db = new Document();
                for (int i = 0; i < n; i++) {
                    db.add(new FeatureField("skill", Documents.term(concepts[i]), (float) values[i]));
                }
                b.addDocument(db);
            }
            a.forceMerge(1);
            b.forceMerge(1);
        }
        try (DirectoryReader ra = DirectoryReader.open(lists); DirectoryReader rb = DirectoryReader.open(fields)) {
            Postings pa = postings(ra.leaves().get(0).reader(), "skill");
            assertThat(pa.rows()).hasSizeGreaterThan(3000);
            assertThat(pa).isEqualTo(postings(rb.leaves().get(0).reader(), "skill"));
            TermsEnum te = ra.leaves().get(0).reader().terms("skill").iterator();
            te.next();
            String some = te.term().utf8ToString();
            TopDocs x = new IndexSearcher(ra).search(FeatureField.newLinearQuery("skill", some, 0.7f), 50);
            TopDocs y = new IndexSearcher(rb).search(FeatureField.newLinearQuery("skill", some, 0.7f), 50);
            assertThat(x.scoreDocs).extracting(sd -> sd.doc + ":" + sd.score)
                    .containsExactlyElementsOf(List.of(y.scoreDocs).stream().map(sd -> sd.doc + ":" + sd.score).toList());
        }
    }

    @Test
    void aFieldWrittenByFeatureFieldsTakesFeatureListsAndTheReverse() throws Exception {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
            Document old = new Document();
            old.add(new FeatureField("skill", "12", 0.5f));
            w.addDocument(old);
            w.commit();
            Document now = new Document();
            now.add(new FeatureList("skill", 2, i -> 12 + i, i -> 0.25));
            w.addDocument(now);
            w.addDocument(old);
        }
        try (DirectoryReader r = DirectoryReader.open(dir)) {
            assertThat(r.numDocs()).isEqualTo(3);
            assertThat(new IndexSearcher(r).count(FeatureField.newLinearQuery("skill", "12", 1f))).isEqualTo(3);
        }
    }

    @Test
    void decimalDigitsAreIntegerToString() {
        BytesRef b = new BytesRef(new byte[11]);
        for (int v : new int[] {0, 7, 10, 99, 14_535, 1_000_000, Integer.MAX_VALUE}) {
            FeatureList.decimal(v, b);
            assertThat(b.utf8ToString()).isEqualTo(Integer.toString(v));
        }
    }

    @Test
    void aValueFeatureFieldWouldRefuseIsRefused() {
        assertThatThrownBy(() -> new FeatureList("skill", 1, i -> 1, i -> 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> new FeatureList("skill", 1, i -> 1, i -> Float.MIN_VALUE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FeatureList("skill", 1, i -> 1, i -> Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

}
