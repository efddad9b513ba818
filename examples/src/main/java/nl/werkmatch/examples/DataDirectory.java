package nl.werkmatch.examples;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

import nl.werkmatch.matcher.DataDirectoryInfo;
import nl.werkmatch.matcher.DataDirectoryLockedException;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.TaxonomyMismatch;
import nl.werkmatch.matcher.TaxonomyMismatchException;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;
import nl.werkmatch.matcher.taxonomy.TaxonomyJson;

/**
 * A durable data directory as the CLI uses it. The directory's last commit records the taxonomy it was made with
 * ({@link Matcher#inspect}); a later command that names no taxonomy gets the bundled sample when that is the one, and
 * is asked to name it otherwise (a taxonomy file or an ESCO directory is not something the data can carry). A
 * command that names another taxonomy fails with the matcher's mismatch message rather than mixing two taxonomies.
 */
final class DataDirectory {
    private DataDirectory() {
    }

    /**
     * Opens (or, when {@code create}, creates) the data directory with the taxonomy named on the command line,
     * or else the sample when the directory was made with it (or is new).
     */
    static Matcher open(Path dir, TaxonomyOptions options, boolean create, PrintWriter err) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserError("--data " + dir + " is a file, not a directory");
        }
        Optional<DataDirectoryInfo> held = Files.isDirectory(dir) ? Matcher.inspect(dir) : Optional.empty();
        if (!create && held.isEmpty()) {
            throw new UserError("no data at " + dir + "; make it with 'werkmatch import --data " + dir + " ...'");
        }
        boolean sample = held.map(DataDirectory::isSample).orElse(true);
        Optional<TaxonomySource> named = options.source();
        if (named.isEmpty() && !sample) {
            throw new UserError("the data directory " + dir + " was made with taxonomy " + held.get().taxonomy()
                    + "; name it again with --taxonomy FILE.json or --esco DIR");
        }
        TaxonomySource source = named.orElse(TaxonomySource.SAMPLE);
        Consumer<String> progress = line -> {
            err.println(line);
            err.flush();
        };
        SkillTaxonomy taxonomy = source.load(progress);
        Files.createDirectories(dir);
        try {
            return Matcher.builder()
                    .taxonomy(taxonomy)
                    .directory(dir)
                    .onTaxonomyMismatch(TaxonomyMismatch.FAIL)
                    .progress(progress)
                    .build();
        } catch (TaxonomyMismatchException e) {
            String message = e.getMessage().endsWith(".") ? e.getMessage() : e.getMessage() + ".";
            String hint = held.map(h -> " This data directory was made with " + h.taxonomy()
                    + (sample ? ": leave out --taxonomy/--esco to use it" : ": name that one with --taxonomy or --esco")
                    + ", or give another --data directory.").orElse("");
            throw new UserError(message + hint);
        } catch (DataDirectoryLockedException e) {
            throw new UserError("the data directory " + dir + " is in use by another program (a running "
                    + "'werkmatch serve'?); stop that first, or use its HTTP API");
        }
    }

    private static boolean isSample(DataDirectoryInfo info) {
        SkillTaxonomy sample = TaxonomyJson.sample();
        return info.taxonomyId().equals(sample.id()) && info.taxonomyVersion().equals(sample.version());
    }
}
