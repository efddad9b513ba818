package nl.werkmatch.examples;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import nl.werkmatch.matcher.BatchResult;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.Problem;
import nl.werkmatch.matcher.json.JsonLinesReader;
import nl.werkmatch.matcher.json.JsonLinesReader.Mode;

/**
 * Reads JSON Lines of profiles or vacancies and writes the good ones in batches, reporting every bad line with
 * its number: a line the format rejects, or one the matcher rejects (an unknown skill, say). Used by
 * {@code werkmatch import} and by the bulk HTTP routes.
 */
public final class BulkImport<T> {
    private static final int BATCH = 1_000;

    /** A bad line and what is wrong with it. */
    public record Rejected(long line, List<Problem> problems) {
    }

    /** Lines read (blank ones not counted), records written, lines rejected. */
    public record Result(long read, long imported, long rejected) {
    }

    /** Told how far the read is: records read so far and bytes of input consumed. */
    @FunctionalInterface
    public interface ProgressListener {
        void progress(long read, long bytes);
    }

    private final RecordStore matcher;
    private final RecordKind<T> kind;
    private final long commitEvery;
    private final Consumer<Rejected> onRejected;
    private final ProgressListener progress;

    private Consumer<List<T>> onBatch = batch -> { };

    private final List<T> batch = new ArrayList<>(BATCH);
    private final long[] batchLines = new long[BATCH];
    private long read;
    private long imported;
    private long rejected;
    private long sinceCommit;

    /**
     * @param commitEvery commit after about this many records (0: never; the caller commits or refreshes)
     */
    public BulkImport(Matcher matcher, RecordKind<T> kind, long commitEvery, Consumer<Rejected> onRejected,
            ProgressListener progress) {
        this(RecordStore.of(matcher), kind, commitEvery, onRejected, progress);
    }

    /** As {@link #BulkImport(Matcher, RecordKind, long, Consumer, ProgressListener)}, into any store. */
    public BulkImport(RecordStore store, RecordKind<T> kind, long commitEvery, Consumer<Rejected> onRejected,
            ProgressListener progress) {
        this.matcher = store;
        this.kind = kind;
        this.commitEvery = commitEvery;
        this.onRejected = onRejected;
        this.progress = progress;
    }

    /** Tells {@code listener} each batch just given to the matcher (rejected records included), for callers that
     *  keep something of their own in step with it. */
    public BulkImport<T> onBatch(Consumer<List<T>> listener) {
        this.onBatch = listener;
        return this;
    }

    /**
     * Writes every good line of {@code in}; reports the bad ones. Does not close {@code in}. When reading fails
     * part way (the stream ends with an error, a limit of the caller's stream is hit), the complete lines read
     * before are still written, and {@link #soFar()} tells how far it got.
     */
    public Result run(InputStream in) throws IOException {
        try {
            readAll(in);
        } catch (IOException | RuntimeException e) {
            try {
                flush();
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        flush();
        return soFar();
    }

    /** Counts so far: of a finished run, or of one that failed part way. */
    public Result soFar() {
        return new Result(read, imported, rejected);
    }

    private void readAll(InputStream in) throws IOException {
        JsonLinesReader.read(in, kind.parser(matcher.exchangeFormat()), Mode.LENIENT, line -> {
            read++;
            if (line.ok()) {
                batchLines[batch.size()] = line.number();
                batch.add(line.value());
                if (batch.size() == BATCH) {
                    flush();
                }
            } else {
                reject(line.number(), line.problems());
            }
            progress.progress(read, line.bytesRead());
        });
    }

    /** Checks every line as {@link #run} would, writing nothing (for a strict import's first pass). */
    public Result check(InputStream in) throws IOException {
        JsonLinesReader.read(in, kind.parser(matcher.exchangeFormat()), Mode.LENIENT, line -> {
            read++;
            List<Problem> problems = line.ok() ? kind.validate(matcher, line.value()) : line.problems();
            if (!problems.isEmpty()) {
                reject(line.number(), problems);
            }
            progress.progress(read, line.bytesRead());
        });
        return new Result(read, 0, rejected);
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        BatchResult result = kind.upsertAll(matcher, batch);
        onBatch.accept(List.copyOf(batch));
        for (BatchResult.Rejected r : result.rejected()) {
            reject(batchLines[r.index()], r.problems());
        }
        imported += result.written();
        sinceCommit += result.written();
        batch.clear();
        if (commitEvery > 0 && sinceCommit >= commitEvery) {
            matcher.commit();
            sinceCommit = 0;
        }
    }

    private void reject(long line, List<Problem> problems) {
        rejected++;
        onRejected.accept(new Rejected(line, problems));
    }
}
