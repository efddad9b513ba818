package nl.werkmatch.examples;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

import org.apache.lucene.store.LockObtainFailedException;

import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.TaxonomyMismatch;
import nl.werkmatch.matcher.TaxonomyMismatchException;
import nl.werkmatch.matcher.WerkmatchException;
import nl.werkmatch.matcher.scoring.RankingSettings;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;

/**
 * A durable data directory as the CLI uses it: the matcher's indexes plus a small file that names the taxonomy
 * the data was made with. A later command that names no taxonomy gets that one; a command that names another
 * one fails with the matcher's mismatch message rather than mixing two taxonomies.
 */
final class DataDirectory {
    static final String SOURCE_FILE = "werkmatch-cli.properties";
    private static final String SOURCE_KEY = "taxonomy";
    /** The similarity credits and evidence weights the data was indexed with, as a weights file's text. */
    private static final String INDEX_SETTINGS_KEY = "indexSettings";

    private DataDirectory() {
    }

    /**
     * Opens (or, when {@code create}, creates) the data directory with the taxonomy named on the command line,
     * or else the one it remembers, or else the sample.
     */
    static Matcher open(Path dir, TaxonomyOptions options, boolean create, PrintWriter err) throws IOException {
        return open(dir, options, new WeightsOptions(), create, err);
    }

    /**
     * As {@link #open(Path, TaxonomyOptions, boolean, PrintWriter)}, with the ranking settings of a weights file,
     * if one is named, else those the directory was indexed with. A weights file whose similarity credits or
     * evidence weights differ from the directory's is refused with a message that says what to do.
     */
    static Matcher open(Path dir, TaxonomyOptions options, WeightsOptions weights, boolean create, PrintWriter err)
            throws IOException {
        Optional<RankingSettings> given = weights.settings();
        Optional<RankingSettings> indexed = rememberedSettings(dir);
        RankingSettings settings = given.or(() -> indexed.map(s -> s.withWeights(RankingSettings.DEFAULT.weights())))
                .orElse(RankingSettings.DEFAULT);
        Optional<TaxonomySource> remembered = remembered(dir);
        if (!create && (!Files.isDirectory(dir) || isEmpty(dir))) {
            throw new UserError("no data at " + dir + "; make it with 'werkmatch import --data " + dir + " ...'");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserError("--data " + dir + " is a file, not a directory");
        }
        TaxonomySource source = options.source().or(() -> remembered).orElse(TaxonomySource.SAMPLE);
        Consumer<String> progress = line -> {
            err.println(line);
            err.flush();
        };
        SkillTaxonomy taxonomy = source.load(progress);
        Files.createDirectories(dir);
        Matcher matcher;
        try {
            matcher = Matcher.builder()
                    .taxonomy(taxonomy)
                    .directory(dir)
                    .ranking(settings)
                    .onTaxonomyMismatch(TaxonomyMismatch.FAIL)
                    .progress(progress)
                    .build();
        } catch (TaxonomyMismatchException e) {
            if (given.isPresent() && given.get().changesIndex(indexed.orElse(RankingSettings.DEFAULT))) {
                throw new UserError("the weights file " + weights.file + " has other similarity credits or evidence "
                        + "weights than the data in " + dir + " was indexed with. They decide what is indexed: import "
                        + "the records into a new --data directory with --weights " + weights.file + " (component "
                        + "weights alone can change at any time).");
            }
            String message = e.getMessage().endsWith(".") ? e.getMessage() : e.getMessage() + ".";
            String hint = remembered.map(r -> " This data directory was made with " + r.label()
                    + ": leave out --taxonomy/--esco to use it, or give another --data directory.").orElse("");
            throw new UserError(message + hint);
        } catch (WerkmatchException e) {
            if (e.getCause() instanceof LockObtainFailedException) {
                throw new UserError("the data directory " + dir + " is in use by another program (a running "
                        + "'werkmatch serve'?); stop that first, or use its HTTP API");
            }
            throw e;
        }
        boolean indexChanged = indexed.map(s -> s.changesIndex(settings)).orElse(settings.changesIndex(RankingSettings.DEFAULT));
        if (remembered.isEmpty() || !remembered.get().equals(source) || indexChanged) {
            remember(dir, source, settings);
        }
        return matcher;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    static Optional<TaxonomySource> remembered(Path dir) throws IOException {
        Path file = dir.resolve(SOURCE_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        String value = p.getProperty(SOURCE_KEY);
        return value == null ? Optional.empty() : Optional.of(TaxonomySource.parse(value));
    }

    /** The index-time settings the directory was made with, when they are not the defaults. */
    static Optional<RankingSettings> rememberedSettings(Path dir) throws IOException {
        Path file = dir.resolve(SOURCE_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        String value = p.getProperty(INDEX_SETTINGS_KEY);
        return value == null ? Optional.empty() : Optional.of(RankingSettings.parse(value));
    }

    private static void remember(Path dir, TaxonomySource source, RankingSettings settings) throws IOException {
        Properties p = new Properties();
        p.setProperty(SOURCE_KEY, source.describe());
        if (settings.changesIndex(RankingSettings.DEFAULT)) {
            p.setProperty(INDEX_SETTINGS_KEY, settings.withWeights(RankingSettings.DEFAULT.weights()).toJson());
        }
        Path tmp = dir.resolve(SOURCE_FILE + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(out, "The taxonomy this Werkmatch data directory was made with (written by the werkmatch CLI)");
        }
        Files.move(tmp, dir.resolve(SOURCE_FILE), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
