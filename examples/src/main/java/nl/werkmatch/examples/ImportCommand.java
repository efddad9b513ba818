package nl.werkmatch.examples;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import nl.werkmatch.matcher.BulkLoad;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.opensearch.ClusterMatcher;
import nl.werkmatch.matcher.Problem;

/** {@code werkmatch import}: bulk upsert of a JSON Lines file of profiles or vacancies into a data directory. */
@Command(name = "import",
        header = "Import profiles or vacancies from a JSON Lines file.",
        sortOptions = false,
        description = {
            "Adds or replaces profiles or vacancies from a JSON Lines file (one object per line, exchange format v1). "
                    + "Every bad line is reported as 'line N: path: message'; the good lines are imported unless "
                    + "--strict. The last line says how many were read, imported and rejected.",
            "The data directory remembers its taxonomy: later commands use it without --taxonomy or --esco, and "
                    + "naming another one is refused.",
            "Exit code 0 when every line was imported, 2 when some were rejected, 1 on failure."
        })
final class ImportCommand extends CliCommand {
    /** Commits this often during a long import, so that a crash loses little. */
    static final long COMMIT_EVERY = 50_000;

    @Option(names = "--data", paramLabel = "DIR", description = "The data directory (created if missing).")
    Path data;

    @Option(names = "--opensearch", paramLabel = "URL", description = "An OpenSearch cluster instead of a data "
            + "directory (indexes werkmatch-profiles and werkmatch-vacancies, created if missing).")
    String opensearch;

    @Mixin
    TaxonomyOptions taxonomy;

    @Mixin
    WeightsOptions weights;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--profiles", required = true, paramLabel = "FILE.jsonl", description = "A file of profiles.")
        Path profiles;

        @Option(names = "--vacancies", required = true, paramLabel = "FILE.jsonl", description = "A file of vacancies.")
        Path vacancies;
    }

    @Option(names = "--strict", description = "Import nothing when any line is bad (all lines are checked first).")
    boolean strict;

    @Option(names = "--no-compact", description = "Leave the index in the segments the import made. By default an "
            + "import that wrote at least a quarter of the records now stored rewrites the index into one segment "
            + "(Matcher.compact: faster queries, about one more write of the data).")
    boolean noCompact;

    @Override
    int execute() throws IOException {
        requireOneStore(data, opensearch);
        Path file = input.profiles != null ? input.profiles : input.vacancies;
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (opensearch != null) {
            try (ClusterMatcher cluster = ClusterCommands.open(opensearch, taxonomy, weights, err())) {
                ClusterCommands.Result result = ClusterCommands.importFile(cluster,
                        input.profiles != null ? RecordKind.PROFILES : RecordKind.VACANCIES, file, strict, out(), err());
                out().printf(Locale.ROOT, "read %d, imported %d, rejected %d%n", result.read(), result.imported(),
                        result.rejected());
                return result.rejected() == 0 ? ExitCodes.OK : ExitCodes.REJECTED;
            }
        }
        try (Matcher matcher = DataDirectory.open(data, taxonomy, weights, true, err())) {
            BulkImport.Result result = input.profiles != null
                    ? run(matcher, RecordKind.PROFILES, file)
                    : run(matcher, RecordKind.VACANCIES, file);
            out().printf(Locale.ROOT, "read %d, imported %d, rejected %d%n", result.read(), result.imported(), result.rejected());
            return result.rejected() == 0 ? ExitCodes.OK : ExitCodes.REJECTED;
        }
    }

    private <T> BulkImport.Result run(Matcher matcher, RecordKind<T> kind, Path file) throws IOException {
        long size = Files.size(file);
        if (strict) {
            Progress checking = Progress.of(err(), "checking", kind.plural(), size);
            BulkImport.Result check;
            try (InputStream in = open(file)) {
                check = new BulkImport<>(matcher, kind, 0, r -> report(checking, r), checking::update).check(in);
            }
            checking.finish(check.read());
            if (check.rejected() > 0) {
                err().println("--strict: nothing imported because " + check.rejected() + " line(s) are bad");
                return check;
            }
        }
        Progress importing = Progress.of(err(), "importing", kind.plural(), size);
        BulkImport.Result result;
        // large merges wait until the file is in, and a compaction then writes it all into one segment in one pass
        try (BulkLoad load = matcher.bulkLoad()) {
            try (InputStream in = open(file)) {
                result = new BulkImport<>(matcher, kind, COMMIT_EVERY, r -> report(importing, r), importing::update)
                        .run(in);
            }
            matcher.commit();
            importing.finish(result.imported());
            matcher.refresh();
            int stored = kind == RecordKind.PROFILES ? matcher.profileCount() : matcher.vacancyCount();
            if (!noCompact && result.imported() > 0 && result.imported() * 4L >= stored) {
                // a bulk load: read mostly from now on, so the one-segment layout pays for itself
                long t0 = System.nanoTime();
                err().printf(Locale.ROOT, "compacting the index of %,d %s (--no-compact skips this) ...%n", stored,
                        kind.plural());
                matcher.compact();
                err().printf(Locale.ROOT, "compacted in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            }
        }
        return result;
    }

    private static InputStream open(Path file) throws IOException {
        return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    }

    private void report(Progress progress, BulkImport.Rejected rejected) {
        for (Problem p : rejected.problems()) {
            progress.println(out(), "line " + rejected.line() + ": " + p);
        }
    }
}
