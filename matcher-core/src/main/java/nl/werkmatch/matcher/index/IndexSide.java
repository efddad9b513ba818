package nl.werkmatch.matcher.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ObjIntConsumer;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

import com.google.common.util.concurrent.Striped;

/**
 * One Lucene index (profiles or vacancies): a writer, a searcher manager for near-real-time reads, and the
 * commit user data that records which format and taxonomy built it. Thread-safe: Lucene's writer takes
 * concurrent updates and searchers are acquired and released per query.
 */
final class IndexSide implements Closeable {
    private static final Set<String> JSON_ONLY = Set.of(Fields.JSON);

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** Which ids were written or deleted since the searcher last refreshed, so existence is known without one. */
    private final LiveIds live = new LiveIds();
    /** An upsert and a delete of one id take the same lock, so a delete knows whether it removed a document. */
    private final Striped<Lock> idLocks = Striped.lock(256);
    /** Whether this writer has taken an upsert or delete, so that closing finishes its merges. */
    private volatile boolean writtenSinceOpen;
    /** {@link System#nanoTime} of the oldest write not yet visible, or 0 when every write is. */
    private final AtomicLong unseenSince = new AtomicLong();
    /** Whether a searcher was acquired since the last background tick. */
    private volatile boolean readSinceTick;
    /** How old an unseen write may get before a read makes it visible (the matcher's refresh interval). */
    private final long staleAfterNanos;
    private final BulkMergePolicy policy = new BulkMergePolicy(mergePolicy());

    /**
     * @param staleAfterNanos how old a write may be before it must be visible to the next read: the background
     *                        refresh makes it so while the index is read, the read itself after a quiet spell
     */
    IndexSide(Directory directory, boolean create, Map<String, String> commitData, long staleAfterNanos)
            throws IOException {
        this.directory = directory;
        this.staleAfterNanos = staleAfterNanos;
        IndexWriterConfig config = new IndexWriterConfig()
                .setOpenMode(create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(RAM_BUFFER_MB)
                .setMergePolicy(policy)
                // documents near each other on the map sit near each other in the index (see Documents.zOrder)
                .setIndexSort(new Sort(new SortField(Fields.PLACE, SortField.Type.LONG)))
                // separate files per kind, so that the size of each part (postings, points, stored JSON) shows
                .setUseCompoundFile(false)
                .setCommitOnClose(false);
        this.writer = new IndexWriter(directory, config);
        writer.setLiveCommitData(commitData.entrySet());
        this.searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
                IndexSearcher searcher = new IndexSearcher(reader);
                // every query's filter differs, so caching filter bit sets only costs
                searcher.setQueryCache(null);
                // summarize new segments now, not in the first query that meets them
                for (LeafReaderContext leaf : reader.leaves()) {
                    SegmentSummary.of(leaf.reader());
                }
                return searcher;
            }
        });
        searchers.addListener(live);
    }

    /**
     * Segments allowed per size tier. Each query pays a fixed price per segment (looking up every clause's terms,
     * building its scorers) that at a million profiles outweighs the matching itself, so a read-mostly index keeps
     * few segments: 2 per tier (Lucene's default is 10) gives about 5 at a million profiles instead of 20, for
     * about a third less time per query, at the price of rewriting documents a little more often while importing.
     */
    static final double SEGMENTS_PER_TIER = 2;

    private static TieredMergePolicy mergePolicy() {
        TieredMergePolicy policy = new TieredMergePolicy();
        policy.setSegmentsPerTier(SEGMENTS_PER_TIER);
        // purgeDeleted must rewrite every segment holding a deleted document, however few it holds
        policy.setForceMergeDeletesPctAllowed(0);
        policy.setNoCFSRatio(0.0);
        return policy;
    }

    /** The user data of the last commit in a directory, or null when it holds no index. */
    static Map<String, String> committedData(Directory directory) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return null;
        }
        return SegmentInfos.readLatestCommit(directory).getUserData();
    }


    void upsert(String id, Document doc) throws IOException {
        Lock lock = idLocks.get(id);
        lock.lock();
        try {
            writtenSinceOpen = true;
            writer.updateDocument(new Term(Fields.ID, id), doc);
            live.written(id, true);
            markUnseen();
        } finally {
            lock.unlock();
        }
        refreshWhenManyPending();
    }

    /** Deletes the document with this id; returns whether there was one (visible or written since the refresh). */
    boolean delete(String id) throws IOException {
        boolean existed;
        Lock lock = idLocks.get(id);
        lock.lock();
        try {
            existed = exists(id);
            writtenSinceOpen = true;
            writer.deleteDocuments(new Term(Fields.ID, id));
            live.written(id, false);
            markUnseen();
        } finally {
            lock.unlock();
        }
        refreshWhenManyPending();
        return existed;
    }

    /** Whether a document has this id now, counting writes not yet refreshed; reads the id postings only. */
    boolean exists(String id) throws IOException {
        Boolean pending = live.pending(id);
        if (pending != null) {
            return pending;
        }
        IndexSearcher s = acquire();
        try {
            return s.count(new TermQuery(new Term(Fields.ID, id))) > 0;
        } finally {
            release(s);
        }
    }

    /** The map of pending ids is emptied by a refresh; a long stretch of writes without one asks for it. */
    private void refreshWhenManyPending() throws IOException {
        if (live.size() > LiveIds.REFRESH_AT) {
            maybeRefresh();
        }
    }

    /** Called after a write reached the writer, so that a refresh starting later includes it. */
    private void markUnseen() {
        if (unseenSince.get() == 0) {
            unseenSince.compareAndSet(0, System.nanoTime());
        }
    }

    /** Makes every write so far visible, waiting for a refresh under way. */
    void refresh() throws IOException {
        unseenSince.set(0);   // cleared before the refresh: a write racing with it marks again
        searchers.maybeRefreshBlocking();
    }

    /** Refreshes unless another thread is doing so already. */
    void maybeRefresh() throws IOException {
        long mark = unseenSince.getAndSet(0);
        if (!searchers.maybeRefresh() && mark != 0) {
            unseenSince.compareAndSet(0, mark);   // the refresh under way may have started before those writes
        }
    }

    /**
     * The matcher's periodic refresh. It refreshes only when the index was read since the last tick: a refresh
     * flushes the writer's buffer into a new segment, so refreshing an index nobody reads (a bulk import, say) only
     * fills it with small segments that must then be merged. A read after such a quiet spell refreshes first when
     * its oldest unseen write is older than the interval ({@link #acquire}), so no read ever misses a write older
     * than that.
     */
    void backgroundRefresh() throws IOException {
        boolean read = readSinceTick;
        readSinceTick = false;
        if (read && unseenSince.get() != 0) {
            maybeRefresh();
        }
    }

    /**
     * Starts the merges the policy asks for and waits until every merge has finished, so that the next commit
     * records the few-segment state. Merges a writer has not finished when it closes are dropped (it closes
     * without committing), and a directory that is then only read would keep its many small segments for good.
     */
    void finishMerges() throws IOException {
        if (!writtenSinceOpen) {
            return;   // a session that only read leaves the directory as it found it, and closes at once
        }
        endAllLoads();   // a load left open holds back no merge once the matcher closes
        writer.maybeMerge();
        if (writer.getConfig().getMergeScheduler() instanceof ConcurrentMergeScheduler merges) {
            merges.sync();
        }
    }

    /** The writer's buffer: when its documents take this much memory, they are written to a new segment. */
    static final double RAM_BUFFER_MB = 64;
    /**
     * The writer's own limit during a bulk load, when a background task flushes at {@link #RAM_BUFFER_MB}: the
     * writer then flushes on the indexing thread only if that task falls this far behind.
     */
    static final double BULK_RAM_BUFFER_MB = 128;
    private static final long FLUSH_POLL_MS = 20;

    private final Object loads = new Object();          // guards the policy's load count with the flusher
    private ScheduledFuture<?> flusher;                  // while bulk loads are open
    private final ReentrantLock flushing = new ReentrantLock();

    /**
     * Starts a bulk load: large merges wait until {@link #endBulkLoad} (see {@link BulkMergePolicy}), and full
     * buffers are flushed by a task on the scheduler instead of the indexing thread that filled them. A flush takes
     * a second or two, and a batch returns only when its last record is written: with the flush on an indexing
     * thread, the other cores finished the batch and then waited for it.
     */
    void beginBulkLoad(ScheduledExecutorService scheduler) {
        synchronized (loads) {
            policy.beginLoad();
            if (flusher == null) {
                writer.getConfig().setRAMBufferSizeMB(BULK_RAM_BUFFER_MB);
                flusher = scheduler.scheduleWithFixedDelay(this::flushWhenFull, FLUSH_POLL_MS, FLUSH_POLL_MS,
                        TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Ends a bulk load; after the last one the merges held back start (in the background). */
    void endBulkLoad() throws IOException {
        boolean last;
        synchronized (loads) {
            last = policy.endLoad();
        }
        if (last) {
            stopFlusher();
            writer.maybeMerge();
        }
    }

    private void endAllLoads() {
        synchronized (loads) {
            policy.endAllLoads();
        }
        stopFlusher();
    }

    /** Stops the background flushing (waiting for a flush under way) and gives the writer its own limit back. */
    private void stopFlusher() {
        ScheduledFuture<?> f;
        synchronized (loads) {
            if (policy.loading() || flusher == null) {
                return;   // a load opened meanwhile keeps it
            }
            f = flusher;
            flusher = null;
        }
        f.cancel(false);
        flushing.lock();
        try {
            if (writer.isOpen()) {
                writer.getConfig().setRAMBufferSizeMB(RAM_BUFFER_MB);
            }
        } finally {
            flushing.unlock();
        }
    }

    private void flushWhenFull() {
        if (!flushing.tryLock()) {
            return;
        }
        try {
            if (writer.isOpen() && writer.ramBytesUsed() >= RAM_BUFFER_MB * 1024 * 1024) {
                writer.flushNextBuffer();
            }
        } catch (AlreadyClosedException e) {
            // closed meanwhile: closing commits or drops the buffers itself
        } catch (IOException | RuntimeException e) {
            System.getLogger("nl.werkmatch.matcher").log(System.Logger.Level.WARNING, "background flush failed", e);
        } finally {
            flushing.unlock();
        }
    }

    /**
     * Writes the writer's in-memory buffers to segments on up to {@code workers.parallelism()} threads at once. A
     * commit flushes them all on the committing thread, one after the other; flushed here first, a commit after a
     * bulk load has almost nothing left to write. Each thread flushes at most {@link #FLUSHES_PER_THREAD} buffers:
     * while other threads go on writing there is always a new buffer to flush, and taking them until none is left
     * would flush each few records into a segment of their own for as long as the writes go on.
     */
    void flushBuffers(Workers workers) {
        int threads = workers.parallelism();
        workers.run(threads, threads, (lo, hi) -> {
            try {
                for (int i = 0; i < FLUSHES_PER_THREAD && writer.flushNextBuffer(); i++) {
                    // the next buffer, if any
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A writer keeps about one buffer per thread that wrote at once; the commit itself flushes what is left. */
    static final int FLUSHES_PER_THREAD = 2;

    void commit(Map<String, String> commitData) throws IOException {
        writer.setLiveCommitData(commitData.entrySet());
        writer.commit();
    }

    /** Rewrites segments that hold deleted documents, so their stored data leaves the disk, then commits. */
    void purgeDeleted(Map<String, String> commitData) throws IOException {
        writer.forceMergeDeletes(true);
        commit(commitData);
        refresh();                  // releases readers of the old segments
        writer.deleteUnusedFiles();
    }

    /** Merges every segment into one, then commits; see {@code Matcher.compact}. */
    void compact(Map<String, String> commitData) throws IOException {
        writer.forceMerge(1, true);
        commit(commitData);
        refresh();                  // releases readers of the old segments
        writer.deleteUnusedFiles();
    }

    IndexSearcher acquire() throws IOException {
        if (!readSinceTick) {
            readSinceTick = true;   // written once per tick, not by every read: readers on several cores share it
        }
        long since = unseenSince.get();
        if (since != 0 && System.nanoTime() - since >= staleAfterNanos) {
            refresh();   // the background left these writes alone while nobody read; they are due now
        }
        return searchers.acquire();
    }

    void release(IndexSearcher searcher) throws IOException {
        searchers.release(searcher);
    }

    /** The writer's own buffer limit now (larger during a bulk load). */
    double ramBufferMB() {
        return writer.getConfig().getRAMBufferSizeMB();
    }

    /** Memory the writer's buffers take now. */
    long ramBytesUsed() {
        return writer.ramBytesUsed();
    }

    /** Documents the writer holds in memory, not yet flushed to a segment. */
    int bufferedDocs() {
        return writer.numRamDocs();
    }

    /** Visible documents (after the last refresh). */
    int count() {
        try {
            IndexSearcher s = acquire();
            try {
                return s.getIndexReader().numDocs();
            } finally {
                release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Calls {@code sink} with the stored JSON of every document visible now (one snapshot), in index order. */
    void forEachVisibleJson(ObjIntConsumer<String> sink) throws IOException {
        IndexSearcher s = acquire();
        try {
            forEachJson((DirectoryReader) s.getIndexReader(), sink);
        } finally {
            release(s);
        }
    }

    /** The stored JSON of a visible document, or null. */
    String json(String id) throws IOException {
        return byId(id, (searcher, doc) -> json(searcher.storedFields(), doc));
    }

    /** The compact form of a visible document, or null; a copy, safe to keep. */
    byte[] compactForm(String id) throws IOException {
        return byId(id, (searcher, doc) -> {
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            BinaryDocValues forms = DocValues.getBinary(leaf.reader(), Fields.FORM);
            if (!forms.advanceExact(doc - leaf.docBase)) {
                throw new IllegalStateException("document " + id + " has no compact form");
            }
            BytesRef b = forms.binaryValue();
            return Arrays.copyOfRange(b.bytes, b.offset, b.offset + b.length);
        });
    }

    private interface DocReader<T> {
        T read(IndexSearcher searcher, int doc) throws IOException;
    }

    /** Reads the visible document with this id, or returns null when there is none. */
    private <T> T byId(String id, DocReader<T> reader) throws IOException {
        IndexSearcher s = acquire();
        try {
            TopDocs hits = s.search(new TermQuery(new Term(Fields.ID, id)), 1);
            return hits.scoreDocs.length == 0 ? null : reader.read(s, hits.scoreDocs[0].doc);
        } finally {
            release(s);
        }
    }

    static String json(StoredFields fields, int doc) throws IOException {
        Document d = fields.document(doc, JSON_ONLY);
        return d.getBinaryValue(Fields.JSON).utf8ToString();
    }

    /** Calls {@code sink} with every live document's stored JSON and a running count, in index order. */
    static void forEachJson(DirectoryReader reader, ObjIntConsumer<String> sink) throws IOException {
        int seen = 0;
        for (LeafReaderContext leaf : reader.leaves()) {
            Bits live = leaf.reader().getLiveDocs();
            StoredFields fields = leaf.reader().storedFields();
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                if (live == null || live.get(doc)) {
                    sink.accept(json(fields, doc), ++seen);
                }
            }
        }
    }



    /** Drops everything since the last commit and closes. */
    void rollback() throws IOException {
        searchers.close();
        writer.rollback();
    }

    @Override
    public void close() throws IOException {
        endAllLoads();
        searchers.close();
        writer.close();
        directory.close();
    }

}
