package nl.werkmatch.matcher.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * The periodic refresh flushes the writer only for an index that is read; an index only written to (a bulk import)
 * keeps its buffer until it fills, and the first read after the interval still sees every older write.
 */
class ReadDrivenRefreshTest {
    private static final long INTERVAL = TimeUnit.MILLISECONDS.toNanos(50);

    private static Document doc(String id) {
        Document d = new Document();
        d.add(new StringField(Fields.ID, id, Field.Store.YES));
        d.add(new NumericDocValuesField(Fields.PLACE, id.hashCode()));
        return d;
    }

    @Test
    void ticksWithoutReadsLeaveWritesBufferedAndTheFirstLateReadSeesThemAll() throws Exception {
        try (IndexSide side = new IndexSide(new ByteBuffersDirectory(), true, Map.of(), INTERVAL)) {
            assertThat(side.count()).isZero();
            side.backgroundRefresh();          // the read above counts for this tick
            for (int i = 0; i < 100; i++) {
                side.upsert("p-" + i, doc("p-" + i));
            }
            for (int tick = 0; tick < 5; tick++) {
                side.backgroundRefresh();
            }
            assertThat(side.bufferedDocs()).as("no one read, so no tick flushed").isEqualTo(100);
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(INTERVAL) + 20);
            assertThat(side.count()).as("a read after the interval sees every write before it").isEqualTo(100);
            assertThat(side.bufferedDocs()).isZero();
        }
    }

    @Test
    void whileTheIndexIsReadEachTickMakesTheWritesVisible() throws Exception {
        try (IndexSide side = new IndexSide(new ByteBuffersDirectory(), true, Map.of(), TimeUnit.HOURS.toNanos(1))) {
            side.upsert("p-1", doc("p-1"));
            assertThat(side.count()).as("within the interval a read may miss a write").isZero();
            side.backgroundRefresh();          // that read makes this tick refresh
            assertThat(side.bufferedDocs()).isZero();
            assertThat(side.count()).isEqualTo(1);
            side.backgroundRefresh();          // read since the last tick, but nothing unseen: nothing to do
            side.upsert("p-2", doc("p-2"));
            side.backgroundRefresh();          // no read since the last tick
            assertThat(side.bufferedDocs()).isEqualTo(1);
        }
    }

    @Test
    void aDeleteCountsAsAWriteAndAnExplicitRefreshShowsEverything() throws Exception {
        try (IndexSide side = new IndexSide(new ByteBuffersDirectory(), true, Map.of(), INTERVAL)) {
            side.upsert("p-1", doc("p-1"));
            side.upsert("p-2", doc("p-2"));
            side.refresh();
            assertThat(side.count()).isEqualTo(2);
            assertThat(side.delete("p-1")).isTrue();
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(INTERVAL) + 20);
            assertThat(side.count()).isEqualTo(1);
        }
    }
}
