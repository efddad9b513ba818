package nl.werkmatch.matcher.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * During a bulk load the writer's own limit is raised and a background task flushes full buffers, so the threads
 * writing never stop for a flush; after the load the writer's own limit is back.
 */
class BackgroundFlushTest {
    private static final int FEATURES = 2_000;
    private static final long MB = 1024 * 1024;

    /** Postings take the writer's memory (stored fields go to disk as they come): many distinct terms each. */
    private static Document doc(int i) {
        Document d = new Document();
        d.add(new StringField(Fields.ID, "p-" + i, Field.Store.YES));
        d.add(new NumericDocValuesField(Fields.PLACE, i));
        d.add(new FeatureList(Fields.SKILL, FEATURES, f -> i * FEATURES + f, f -> 0.5));
        return d;
    }

    @Test
    void aBulkLoadFlushesFullBuffersInTheBackground() throws Exception {
        try (Workers workers = new Workers(2, null);
             IndexSide side = new IndexSide(new ByteBuffersDirectory(), true, Map.of(), TimeUnit.HOURS.toNanos(1))) {
            assertThat(side.ramBufferMB()).isEqualTo(IndexSide.RAM_BUFFER_MB);
            side.beginBulkLoad(workers.scheduler());
            assertThat(side.ramBufferMB()).isEqualTo(IndexSide.BULK_RAM_BUFFER_MB);
            // past the background limit, well short of the writer's own during the load
            int n = 0;
            while (side.bufferedDocs() == n && side.ramBytesUsed() < (IndexSide.RAM_BUFFER_MB + 8) * MB) {
                side.upsert("p-" + n, doc(n));
                n++;
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (side.bufferedDocs() == n && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(side.bufferedDocs()).as("a buffer was flushed with no write to trigger it").isLessThan(n);
            side.endBulkLoad();
            assertThat(side.ramBufferMB()).isEqualTo(IndexSide.RAM_BUFFER_MB);
            side.refresh();
            assertThat(side.count()).isEqualTo(n);
        }
    }

    @Test
    void flushingBeforeACommitEndsWhileAnotherThreadGoesOnWriting() throws Exception {
        try (Workers workers = new Workers(2, null);
             IndexSide side = new IndexSide(new ByteBuffersDirectory(), true, Map.of(), TimeUnit.HOURS.toNanos(1))) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger written = new AtomicInteger();
            Thread writer = new Thread(() -> {
                try {
                    for (int i = 0; !stop.get(); i++) {
                        side.upsert("w-" + i, small(i));
                        written.incrementAndGet();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.start();
            try {
                while (written.get() < 1_000) {
                    Thread.onSpinWait();
                }
                Thread flusher = new Thread(() -> side.flushBuffers(workers));
                flusher.start();
                flusher.join(TimeUnit.SECONDS.toMillis(20));
                assertThat(flusher.isAlive()).as("flushing went on as long as the writes did").isFalse();
            } finally {
                stop.set(true);
                writer.join();
            }
            side.commit(Map.of());
            side.refresh();
            assertThat(side.count()).isEqualTo(written.get());
        }
    }

    private static Document small(int i) {
        Document d = new Document();
        d.add(new StringField(Fields.ID, "w-" + i, Field.Store.YES));
        d.add(new NumericDocValuesField(Fields.PLACE, i));
        return d;
    }
}
