package nl.werkmatch.matcher.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.IOUtils;

import com.google.common.hash.Hashing;

import nl.werkmatch.matcher.DataDirectoryInfo;
import nl.werkmatch.matcher.DataDirectoryLockedException;
import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.WerkmatchException;
import nl.werkmatch.matcher.scoring.RankingSettings;

/**
 * The two indexes of a matcher (profiles, vacancies) and their lifecycle: opening a data directory (with
 * {@link Migration} when it was made with other settings), the background refresh, commits, purging and closing.
 * Public for {@code Matcher} only; this package is not exported.
 */
public final class Storage implements AutoCloseable {
    /** Version of the document encoding; a change forces a rebuild. */
    // 4: a vacancy without skills is prepared with its occupation's, so directories made before are rebuilt
    // 5: an unrecognised diploma counts one education level lower (packed attributes, block bounds, compact form)
    static final String FORMAT_VERSION = "5";
    static final String KEY_FORMAT = "werkmatch.format";
    static final String KEY_FINGERPRINT = "werkmatch.fingerprint";
    /** "id vVERSION", for messages; kept beside the two keys below for directories written before them. */
    static final String KEY_TAXONOMY = "werkmatch.taxonomy";
    static final String KEY_TAXONOMY_ID = "werkmatch.taxonomy.id";
    static final String KEY_TAXONOMY_VERSION = "werkmatch.taxonomy.version";
    /**
     * The similarity credits and evidence weights the documents were indexed with, as a weights file's text
     * ({@link RankingSettings#toJson()}, component weights at their defaults: they are not part of the index), so that
     * a caller can open the directory with them again without keeping a file of its own.
     */
    static final String KEY_INDEX_SETTINGS = "werkmatch.indexSettings";
    static final String PROFILES = "profiles";
    static final String VACANCIES = "vacancies";

    private final EngineConfig config;
    private final Map<String, String> commitData;
    private final IndexSide profiles;
    private final IndexSide vacancies;
    private final Workers workers;
    private final ScheduledFuture<?> refresher;
    private volatile boolean closed;
    /** Held by the background refresh while it runs; close waits for it. */
    private final ReentrantLock refreshing = new ReentrantLock();

    private Storage(EngineConfig config, Map<String, String> commitData, IndexSide profiles, IndexSide vacancies,
                    Workers workers) {
        this.config = config;
        this.commitData = commitData;
        this.profiles = profiles;
        this.vacancies = vacancies;
        this.workers = workers;
        long ms = Math.max(10, config.refreshInterval().toMillis());
        this.refresher = workers.scheduler().scheduleWithFixedDelay(this::backgroundRefresh, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Opens (or creates) the indexes the configuration names, migrating them when it must and may. */
    static Storage open(EngineConfig config, Migration.Rebuilder rebuilder, Workers workers) {
        String fingerprint = fingerprint(config);
        Map<String, String> commitData = Map.of(KEY_FORMAT, FORMAT_VERSION, KEY_FINGERPRINT, fingerprint,
                KEY_TAXONOMY, config.taxonomy().id() + " v" + config.taxonomy().version(),
                KEY_TAXONOMY_ID, config.taxonomy().id(), KEY_TAXONOMY_VERSION, config.taxonomy().version(),
                KEY_INDEX_SETTINGS, indexSettings(config).toJson());
        List<Directory> dirs = new ArrayList<>();
        try {
            dirs.add(directory(config.directory(), PROFILES));
            dirs.add(directory(config.directory(), VACANCIES));
            List<IndexSide> sides = new Migration(config, commitData, rebuilder).open(dirs.get(0), dirs.get(1));
            return new Storage(config, commitData, sides.get(0), sides.get(1), workers);
        } catch (LockObtainFailedException e) {
            closeQuietly(dirs);
            throw new DataDirectoryLockedException(config.directory(), e);
        } catch (IOException e) {
            closeQuietly(dirs);
            throw new WerkmatchException("cannot open the data directory " + config.directory() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(dirs);
            throw e;
        }
    }

    private static void closeQuietly(List<Directory> dirs) {
        IOUtils.closeWhileHandlingException(dirs);
    }

    private static Directory directory(Path root, String name) throws IOException {
        if (root == null) {
            return new org.apache.lucene.store.ByteBuffersDirectory();
        }
        Path path = root.resolve(name);
        Files.createDirectories(path);
        return FSDirectory.open(path);
    }

    static String fingerprint(EngineConfig config) {
        return Hashing.sha256().hashString(FORMAT_VERSION + "|" + config.taxonomy().fingerprint() + "|"
                + config.evidence().fingerprint() + "|" + config.similarity().config(), StandardCharsets.UTF_8).toString();
    }

    /** The settings the index depends on besides the taxonomy, with the default component weights. */
    static RankingSettings indexSettings(EngineConfig config) {
        return RankingSettings.DEFAULT.withSimilarity(config.similarity().config()).withEvidence(config.evidence());
    }

    /**
     * What a data directory holds, from the last commit of each index, without taking its write lock; empty when it
     * holds no Werkmatch index.
     */
    public static Optional<DataDirectoryInfo> inspect(Path root) {
        Path p = root.resolve(PROFILES);
        Path v = root.resolve(VACANCIES);
        if (!Files.isDirectory(p) || !Files.isDirectory(v)) {
            return Optional.empty();
        }
        try (Directory pd = FSDirectory.open(p); Directory vd = FSDirectory.open(v)) {
            if (!DirectoryReader.indexExists(pd) || !DirectoryReader.indexExists(vd)) {
                return Optional.empty();
            }
            Map<String, String> data = SegmentInfos.readLatestCommit(pd).getUserData();
            if (!data.containsKey(KEY_FINGERPRINT)) {
                return Optional.empty();
            }
            String id = data.get(KEY_TAXONOMY_ID);
            String version = data.get(KEY_TAXONOMY_VERSION);
            if (id == null || version == null) {   // written before the two keys existed: "id vVERSION"
                String both = data.getOrDefault(KEY_TAXONOMY, "unknown vunknown");
                int cut = both.lastIndexOf(" v");
                id = cut < 0 ? both : both.substring(0, cut);
                version = cut < 0 ? "unknown" : both.substring(cut + 2);
            }
            String settings = data.get(KEY_INDEX_SETTINGS);   // absent in directories committed before the key
            RankingSettings indexed = settings == null ? null : RankingSettings.parse(settings);
            return Optional.of(new DataDirectoryInfo(id, version, data.get(KEY_FINGERPRINT),
                    data.getOrDefault(KEY_FORMAT, "unknown"), committedCount(pd), committedCount(vd),
                    indexed == null ? null : indexed.similarity(), indexed == null ? null : indexed.evidence()));
        } catch (IOException | InvalidInputException e) {
            throw new WerkmatchException("cannot read the data directory " + root + ": " + e.getMessage(), e);
        }
    }

    private static int committedCount(Directory dir) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            return reader.numDocs();
        }
    }

    IndexSide profiles() {
        return profiles;
    }

    IndexSide vacancies() {
        return vacancies;
    }

    EngineConfig config() {
        return config;
    }

    Workers workers() {
        return workers;
    }

    /** The fingerprint recorded with every commit. */
    public String fingerprint() {
        return commitData.get(KEY_FINGERPRINT);
    }

    /** Makes every write so far visible. */
    public void refresh() {
        io(() -> {
            profiles.refresh();
            vacancies.refresh();
        });
    }

    /** Makes every write so far durable. */
    public void commit() {
        io(() -> {
            flushBuffers();
            profiles.commit(commitData);
            vacancies.commit(commitData);
        });
    }

    /** Rewrites the segments that hold deleted documents, so their data leaves the disk, and commits. */
    public void purgeDeleted() {
        io(() -> {
            profiles.purgeDeleted(commitData);
            vacancies.purgeDeleted(commitData);
        });
    }

    /** Starts a bulk load on both indexes: large merges wait until it ends ({@code Matcher.bulkLoad}). */
    public void beginBulkLoad() {
        ensureOpen();
        profiles.beginBulkLoad(workers.scheduler());
        vacancies.beginBulkLoad(workers.scheduler());
    }

    /** Ends a bulk load; after the last, the merges held back start. Does nothing once closed (close merges). */
    public void endBulkLoad() {
        if (closed) {
            return;
        }
        io(() -> {
            profiles.endBulkLoad();
            vacancies.endBulkLoad();
        });
    }

    /** Merges each index into one segment and commits. */
    public void compact() {
        io(() -> {
            profiles.compact(commitData);
            vacancies.compact(commitData);
        });
    }

    /** Flushes both writers' buffers on every core, so that the commit after it has little left to do alone. */
    private void flushBuffers() throws IOException {
        try {
            profiles.flushBuffers(workers);
            vacancies.flushBuffers(workers);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void backgroundRefresh() {
        refreshing.lock();
        try {
            if (closed) {
                return;
            }
            profiles.backgroundRefresh();
            vacancies.backgroundRefresh();
        } catch (IOException | RuntimeException e) {
            System.getLogger("nl.werkmatch.matcher").log(System.Logger.Level.WARNING, "background refresh failed", e);
        } finally {
            refreshing.unlock();
        }
    }

    interface IoAction {
        void run() throws IOException;
    }

    interface IoRead<T> {
        T get() throws IOException;
    }

    /** Runs a write on an open matcher; a storage failure becomes a {@link WerkmatchException}. */
    void io(IoAction action) {
        ensureOpen();
        try {
            action.run();
        } catch (IOException e) {
            throw new WerkmatchException("write failed: " + e.getMessage(), e);
        }
    }

    /** Runs a write that answers something on an open matcher; a storage failure becomes a {@link WerkmatchException}. */
    <T> T write(IoRead<T> action) {
        ensureOpen();
        try {
            return action.get();
        } catch (IOException e) {
            throw new WerkmatchException("write failed: " + e.getMessage(), e);
        }
    }

    /** Runs a read on an open matcher; a storage failure becomes a {@link WerkmatchException}. */
    <T> T read(IoRead<T> r) {
        ensureOpen();
        try {
            return r.get();
        } catch (IOException e) {
            throw new WerkmatchException("read failed: " + e.getMessage(), e);
        }
    }

    void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this matcher is closed");
        }
    }

    /**
     * Finishes pending merges, commits both indexes and closes everything, each part even when another fails (the first failure is thrown,
     * the others are added to it as suppressed): a failing commit must not leave the other side's lock held.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        refresher.cancel(false);
        // a refresh under way finishes before the writers close, so it cannot fail on a closed writer
        refreshing.lock();
        refreshing.unlock();
        List<Throwable> failures = new ArrayList<>();
        for (IndexSide side : List.of(profiles, vacancies)) {
            try {
                side.finishMerges();   // a closed directory is often only read afterwards: keep it in few segments
                side.commit(commitData);
            } catch (IOException | RuntimeException e) {
                failures.add(e);
            }
        }
        try {
            IOUtils.close(profiles, vacancies, workers);
        } catch (IOException | RuntimeException e) {
            failures.add(e);
        }
        if (!failures.isEmpty()) {
            WerkmatchException e = new WerkmatchException("closing the matcher failed: " + failures.get(0).getMessage(),
                    failures.get(0));
            failures.subList(1, failures.size()).forEach(e::addSuppressed);
            throw e;
        }
    }
}
