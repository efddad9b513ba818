package nl.werkmatch.examples;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import nl.werkmatch.matcher.BatchResult;
import nl.werkmatch.matcher.TaxonomyMismatchException;
import nl.werkmatch.matcher.json.JsonLinesReader;
import nl.werkmatch.matcher.json.JsonLinesReader.Mode;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.scoring.RankingSettings;
import nl.werkmatch.opensearch.ClusterException;
import nl.werkmatch.opensearch.ClusterMatcher;

/**
 * The {@code --opensearch URL} variants of {@code import} and {@code match}: the same commands on the cluster backend
 * ({@link ClusterMatcher}) instead of a data directory. The indexes' {@code _meta} records the taxonomy's fingerprint;
 * a cluster cannot carry a taxonomy file, so every command names the taxonomy it was imported with (or none, for the
 * sample), and another one is refused.
 */
final class ClusterCommands {
    /** Records per call to the cluster matcher, which sends them as one {@code _bulk} request. */
    private static final int BATCH = 1_000;

    private ClusterCommands() {
    }

    /** Connects to the cluster with the taxonomy and weights of the command line, creating the indexes if missing. */
    static ClusterMatcher open(String url, TaxonomyOptions taxonomy, WeightsOptions weights, PrintWriter err)
            throws IOException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new UserError("--opensearch " + url + " is not a URL");
        }
        RankingSettings settings = weights.settings().orElse(RankingSettings.DEFAULT);
        Consumer<String> progress = line -> {
            err.println(line);
            err.flush();
        };
        try {
            return ClusterMatcher.builder(uri).taxonomy(taxonomy.sourceOrSample().load(progress)).ranking(settings)
                    .build();
        } catch (TaxonomyMismatchException e) {
            throw new UserError(e.getMessage() + ". Name the taxonomy (and weights file) the indexes were imported with.");
        } catch (ClusterException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** Lines read (blank ones not counted), records written, lines rejected. */
    record Result(long read, long imported, long rejected) {
    }

    /**
     * Imports a JSON Lines file through {@code _bulk} in batches: every bad line, whether the format, the matcher or
     * OpenSearch refused it, is reported as {@code line N: path: message}. With {@code strict}, checks every line
     * first and imports nothing when one is bad.
     */
    static Result importFile(ClusterMatcher cluster, RecordKind<?> kind, Path file, boolean strict, PrintWriter out,
                             PrintWriter err) throws IOException {
        long size = Files.size(file);
        if (strict) {
            Progress checking = Progress.of(err, "checking", kind.plural(), size);
            Result check = run(cluster, kind, file, false, checking, out);
            checking.finish(check.read());
            if (check.rejected() > 0) {
                err.println("--strict: nothing imported because " + check.rejected() + " line(s) are bad");
                return check;
            }
        }
        Progress importing = Progress.of(err, "importing", kind.plural(), size);
        Result result = run(cluster, kind, file, true, importing, out);
        cluster.refresh();
        importing.finish(result.imported());
        return result;
    }

    private static Result run(ClusterMatcher cluster, RecordKind<?> kind, Path file, boolean write, Progress progress,
                              PrintWriter out) throws IOException {
        long[] counts = new long[3];   // read, imported, rejected
        List<Object> batch = new ArrayList<>(BATCH);
        long[] lines = new long[BATCH];
        Runnable flush = () -> {
            if (batch.isEmpty()) {
                return;
            }
            BatchResult r = upsert(cluster, kind, batch, write);
            for (BatchResult.Rejected rejected : r.rejected()) {
                counts[2]++;
                rejected.problems().forEach(p -> progress.println(out, "line " + lines[rejected.index()] + ": " + p));
            }
            counts[1] += r.written();
            batch.clear();
        };
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            JsonLinesReader.read(in, kind.parser(cluster.exchangeFormat()), Mode.LENIENT, line -> {
                counts[0]++;
                if (line.ok()) {
                    lines[batch.size()] = line.number();
                    batch.add(line.value());
                    if (batch.size() == BATCH) {
                        flush.run();
                    }
                } else {
                    counts[2]++;
                    line.problems().forEach(p -> progress.println(out, "line " + line.number() + ": " + p));
                }
                progress.update(counts[0], line.bytesRead());
            });
        }
        flush.run();
        return new Result(counts[0], counts[1], counts[2]);
    }

    /** Writes a batch (or, when not {@code write}, only validates it) and reports its rejects by position. */
    @SuppressWarnings("unchecked")
    private static BatchResult upsert(ClusterMatcher cluster, RecordKind<?> kind, List<Object> batch, boolean write) {
        if (!write) {
            List<BatchResult.Rejected> rejected = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                Object record = batch.get(i);
                var problems = record instanceof Profile p ? cluster.validate(p) : cluster.validate((Vacancy) record);
                if (!problems.isEmpty()) {
                    rejected.add(new BatchResult.Rejected(i, null, problems));
                }
            }
            return new BatchResult(0, rejected);
        }
        try {
            return kind == RecordKind.PROFILES ? cluster.upsertProfiles((List<Profile>) (List<?>) batch)
                    : cluster.upsertVacancies((List<Vacancy>) (List<?>) batch);
        } catch (ClusterException e) {
            throw new UserError(e.getMessage());
        }
    }
}
