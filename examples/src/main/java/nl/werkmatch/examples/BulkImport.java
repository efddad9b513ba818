package nl.werkmatch.examples;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;

import nl.werkmatch.matcher.BatchResult;
import nl.werkmatch.matcher.InvalidInputException;
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
    /** A batch is also written once its lines hold this many characters, so that long lines cannot pile up. */
    private static final long BATCH_CHARS = 8L << 20;
    /** Below this many lines a batch is parsed by the reading thread alone. */
    private static final int PARALLEL_MIN = 64;

    /** A line read: its number and either its text or the problems of reading it. */
    private record Line(long number, String text, List<Problem> problems) {
    }

    /** A line parsed: its number and either its value or its problems. */
    private record Parsed<T>(long number, T value, List<Problem> problems) {
    }

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

    /** The lines of the batch being collected, as read: their text, or their problems when reading failed. */
    private final List<Line> pending = new ArrayList<>(BATCH);
    private long pendingChars;
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

    /**
     * Splits the input into lines on the reading thread and leaves the JSON parsing to {@link #flush}, which
     * parses a batch on every core: parsing is a good part of an import's work, and the matcher's writer takes the
     * batch on every core too.
     */
    private void readAll(InputStream in) throws IOException {
        JsonLinesReader.read(in, text -> text, Mode.LENIENT, line -> {
            read++;
            pending.add(new Line(line.number(), line.value(), line.problems()));
            pendingChars += line.ok() ? line.value().length() : 0;
            if (pending.size() == BATCH || pendingChars >= BATCH_CHARS) {
                flush();
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

    /**
     * Parses the pending lines (on every core when there are many), writes the good ones, and reports the bad ones
     * of the batch in line order, whether the format or the matcher rejected them.
     */
    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Parsed<T>> parsed = parse(pending);
        pending.clear();
        pendingChars = 0;
        List<T> batch = new ArrayList<>(parsed.size());
        List<Parsed<T>> written = new ArrayList<>(parsed.size());
        for (Parsed<T> p : parsed) {
            if (p.value() != null) {
                batch.add(p.value());
                written.add(p);
            }
        }
        List<Rejected> bad = new ArrayList<>();
        for (Parsed<T> p : parsed) {
            if (p.value() == null) {
                bad.add(new Rejected(p.number(), p.problems()));
            }
        }
        if (!batch.isEmpty()) {
            BatchResult result = kind.upsertAll(matcher, batch);
            onBatch.accept(List.copyOf(batch));
            for (BatchResult.Rejected r : result.rejected()) {
                bad.add(new Rejected(written.get(r.index()).number(), r.problems()));
            }
            imported += result.written();
            sinceCommit += result.written();
        }
        bad.sort(Comparator.comparingLong(Rejected::line));
        for (Rejected r : bad) {
            reject(r.line(), r.problems());
        }
        if (commitEvery > 0 && sinceCommit >= commitEvery) {
            matcher.commit();
            sinceCommit = 0;
        }
    }

    /** Each line's value or problems, in the lines' order; a parser failure other than bad input is rethrown. */
    private List<Parsed<T>> parse(List<Line> lines) {
        Function<String, T> parser = kind.parser(matcher.exchangeFormat());
        @SuppressWarnings("unchecked")
        Parsed<T>[] out = new Parsed[lines.size()];
        IntStream range = IntStream.range(0, lines.size());
        (lines.size() < PARALLEL_MIN ? range : range.parallel()).forEach(i -> {
            Line line = lines.get(i);
            if (line.text() == null) {
                out[i] = new Parsed<>(line.number(), null, line.problems());
                return;
            }
            try {
                out[i] = new Parsed<>(line.number(), Objects.requireNonNull(parser.apply(line.text()),
                        "the parser returned null"), List.of());
            } catch (InvalidInputException e) {
                out[i] = new Parsed<>(line.number(), null, e.problems());
            }
        });
        return Arrays.asList(out);
    }

    private void reject(long line, List<Problem> problems) {
        rejected++;
        onRejected.accept(new Rejected(line, problems));
    }
}
