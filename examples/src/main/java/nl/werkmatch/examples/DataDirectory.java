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

import nl.werkmatch.matcher.DataDirectoryLockedException;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.TaxonomyMismatch;
import nl.werkmatch.matcher.TaxonomyMismatchException;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;

/**
 * A durable data directory as the CLI uses it: the matcher's indexes plus a small file that names the taxonomy
 * the data was made with. A later command that names no taxonomy gets that one; a command that names another
 * one fails with the matcher's mismatch message rather than mixing two taxonomies.
 */
final class DataDirectory {
    static final String SOURCE_FILE = "werkmatch-cli.properties";
    private static final String SOURCE_KEY = "taxonomy";

    private DataDirectory() {
    }

    /**
     * Opens (or, when {@code create}, creates) the data directory with the taxonomy named on the command line,
     * or else the one it remembers, or else the sample.
     */
    static Matcher open(Path dir, TaxonomyOptions options, boolean create, PrintWriter err) throws IOException {
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
                    .onTaxonomyMismatch(TaxonomyMismatch.FAIL)
                    .progress(progress)
                    .build();
        } catch (TaxonomyMismatchException e) {
            String message = e.getMessage().endsWith(".") ? e.getMessage() : e.getMessage() + ".";
            String hint = remembered.map(r -> " This data directory was made with " + r.label()
                    + ": leave out --taxonomy/--esco to use it, or give another --data directory.").orElse("");
            throw new UserError(message + hint);
        } catch (DataDirectoryLockedException e) {
            throw new UserError("the data directory " + dir + " is in use by another program (a running "
                    + "'werkmatch serve'?); stop that first, or use its HTTP API");
        }
        if (remembered.isEmpty() || !remembered.get().equals(source)) {
            remember(dir, source);
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

    private static void remember(Path dir, TaxonomySource source) throws IOException {
        Properties p = new Properties();
        p.setProperty(SOURCE_KEY, source.describe());
        Path tmp = dir.resolve(SOURCE_FILE + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(out, "The taxonomy this Werkmatch data directory was made with (written by the werkmatch CLI)");
        }
        Files.move(tmp, dir.resolve(SOURCE_FILE), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
