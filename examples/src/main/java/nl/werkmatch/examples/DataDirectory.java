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
import nl.werkmatch.matcher.scoring.RankingSettings;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;
import nl.werkmatch.matcher.taxonomy.TaxonomyJson;

/**
 * A durable data directory as the CLI uses it. The directory's last commit records the taxonomy it was made with
 * and the similarity credits and evidence weights it was indexed with ({@link Matcher#inspect}). A later command
 * that names no taxonomy gets the bundled sample when that is the one, and is asked to name it otherwise (a taxonomy
 * file or an ESCO directory is not something the data can carry); one that names no weights file gets the recorded
 * credits. A command that names another taxonomy, or a weights file with other credits, fails with a message that
 * says what to do rather than mixing two indexes.
 */
final class DataDirectory {
    private DataDirectory() {
    }

    /**
     * Opens (or, when {@code create}, creates) the data directory with the taxonomy named on the command line,
     * or else the sample when the directory was made with it (or is new), and the credits it was indexed with.
     */
    static Matcher open(Path dir, TaxonomyOptions options, boolean create, PrintWriter err) throws IOException {
        return open(dir, options, new WeightsOptions(), create, err);
    }

    /**
     * As {@link #open(Path, TaxonomyOptions, boolean, PrintWriter)}, with the ranking settings of a weights file,
     * if one is named, else the credits the directory was indexed with. A weights file whose similarity credits or
     * evidence weights differ from the directory's is refused with a message that says what to do.
     */
    static Matcher open(Path dir, TaxonomyOptions options, WeightsOptions weights, boolean create, PrintWriter err)
            throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserError("--data " + dir + " is a file, not a directory");
        }
        Optional<DataDirectoryInfo> held = Files.isDirectory(dir) ? Matcher.inspect(dir) : Optional.empty();
        if (!create && held.isEmpty()) {
            throw new UserError("no data at " + dir + "; make it with 'werkmatch import --data " + dir + " ...'");
        }
        Optional<RankingSettings> given = weights.settings();
        Optional<RankingSettings> indexed = held.flatMap(DataDirectoryInfo::indexSettings);
        if (given.isPresent() && indexed.isPresent() && given.get().changesIndex(indexed.get())) {
            throw otherCredits(weights, dir);
        }
        // component weights are not part of the index: without a file they are the library's defaults
        RankingSettings settings = given.or(() -> indexed).orElse(RankingSettings.DEFAULT);
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
                    .ranking(settings)
                    .onTaxonomyMismatch(TaxonomyMismatch.FAIL)
                    .progress(progress)
                    .build();
        } catch (TaxonomyMismatchException e) {
            // a directory that did not record its credits: other credits in the file are the likely cause
            if (given.isPresent() && indexed.isEmpty() && given.get().changesIndex(RankingSettings.DEFAULT)) {
                throw otherCredits(weights, dir);
            }
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

    private static UserError otherCredits(WeightsOptions weights, Path dir) {
        return new UserError("the weights file " + weights.file + " has other similarity credits or evidence "
                + "weights than the data in " + dir + " was indexed with. They decide what is indexed: import "
                + "the records into a new --data directory with --weights " + weights.file + " (component "
                + "weights alone can change at any time).");
    }

    private static boolean isSample(DataDirectoryInfo info) {
        SkillTaxonomy sample = TaxonomyJson.sample();
        return info.taxonomyId().equals(sample.id()) && info.taxonomyVersion().equals(sample.version());
    }
}
