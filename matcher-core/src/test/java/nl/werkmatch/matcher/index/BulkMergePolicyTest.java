package nl.werkmatch.matcher.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** While a load is open only small merges run; the rest start when it ends; forced merges always run. */
class BulkMergePolicyTest {
    private static int segments(ByteBuffersDirectory dir) throws Exception {
        try (DirectoryReader r = DirectoryReader.open(dir)) {
            return r.leaves().size();
        }
    }

    private static IndexWriter writer(ByteBuffersDirectory dir, BulkMergePolicy policy) throws Exception {
        return new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(policy)
                .setMergeScheduler(new SerialMergeScheduler()));
    }

    private static void commitSegments(IndexWriter w, int segments, int docs) throws Exception {
        for (int s = 0; s < segments; s++) {
            for (int d = 0; d < docs; d++) {
                Document doc = new Document();
                doc.add(new StringField("id", s + "-" + d, Field.Store.YES));
                w.addDocument(doc);
            }
            w.commit();   // one segment per commit
        }
    }

    private static TieredMergePolicy eager() {
        TieredMergePolicy tiered = new TieredMergePolicy();
        tiered.setSegmentsPerTier(2);
        return tiered;
    }

    @Test
    void mergesWaitForTheLoadToEndAndThenRun() throws Exception {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        BulkMergePolicy policy = new BulkMergePolicy(eager(), 0);   // no merge counts as small
        try (IndexWriter w = writer(dir, policy)) {
            policy.beginLoad();
            commitSegments(w, 12, 50);
            assertThat(segments(dir)).as("nothing merged during the load").isEqualTo(12);
            assertThat(policy.endLoad()).isTrue();
            w.maybeMerge();
            w.commit();
            assertThat(segments(dir)).as("merged once the load ended").isLessThanOrEqualTo(4);
            assertThat(w.getDocStats().numDocs).isEqualTo(600);
        }
    }

    @Test
    void withoutALoadThePolicyMergesAsTheOneUnderneath() throws Exception {
        ByteBuffersDirectory held = new ByteBuffersDirectory();
        try (IndexWriter w = writer(held, new BulkMergePolicy(eager(), 0))) {
            commitSegments(w, 12, 50);
        }
        ByteBuffersDirectory plain = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(plain, new IndexWriterConfig().setMergePolicy(eager())
                .setMergeScheduler(new SerialMergeScheduler()))) {
            commitSegments(w, 12, 50);
        }
        assertThat(segments(held)).isEqualTo(segments(plain)).isLessThanOrEqualTo(4);
    }

    @Test
    void smallMergesRunDuringALoadAndForcedMergesAlways() throws Exception {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        BulkMergePolicy policy = new BulkMergePolicy(eager(), 1L << 40);   // every merge counts as small
        try (IndexWriter w = writer(dir, policy)) {
            policy.beginLoad();
            commitSegments(w, 12, 50);
            assertThat(segments(dir)).isLessThanOrEqualTo(4);
        }
        ByteBuffersDirectory forced = new ByteBuffersDirectory();
        BulkMergePolicy holding = new BulkMergePolicy(eager(), 0);
        try (IndexWriter w = writer(forced, holding)) {
            holding.beginLoad();
            commitSegments(w, 8, 50);
            w.forceMerge(1);
            w.commit();
            assertThat(segments(forced)).isEqualTo(1);
        }
    }

    @Test
    void loadsOverlapAndExtraEndsDoNotUnbalanceTheCount() {
        BulkMergePolicy policy = new BulkMergePolicy(eager(), 0);
        policy.beginLoad();
        policy.beginLoad();
        assertThat(policy.endLoad()).isFalse();
        assertThat(policy.loading()).isTrue();
        assertThat(policy.endLoad()).isTrue();
        assertThat(policy.endLoad()).isFalse();
        policy.beginLoad();
        assertThat(policy.loading()).as("an extra end earlier does not cancel a later load").isTrue();
        policy.endAllLoads();
        assertThat(policy.loading()).isFalse();
    }
}
