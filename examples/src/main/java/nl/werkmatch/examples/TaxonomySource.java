package nl.werkmatch.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.function.Consumer;

import nl.werkmatch.matcher.taxonomy.EscoLoader;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;
import nl.werkmatch.matcher.taxonomy.TaxonomyJson;

/**
 * Where a taxonomy comes from: the bundled sample, a taxonomy JSON file, or an ESCO CSV directory.
 */
record TaxonomySource(Kind kind, Path path) {
    enum Kind { SAMPLE, JSON, ESCO }

    static final TaxonomySource SAMPLE = new TaxonomySource(Kind.SAMPLE, null);

    static TaxonomySource json(Path file) {
        return new TaxonomySource(Kind.JSON, file.toAbsolutePath().normalize());
    }

    static TaxonomySource esco(Path directory) {
        return new TaxonomySource(Kind.ESCO, directory.toAbsolutePath().normalize());
    }

    /** For messages: "the sample taxonomy", "the taxonomy in FILE", "ESCO from DIR". */
    String label() {
        return switch (kind) {
            case SAMPLE -> "the bundled sample taxonomy";
            case JSON -> "the taxonomy in " + path;
            case ESCO -> "ESCO from " + path;
        };
    }

    SkillTaxonomy load(Consumer<String> progress) throws IOException {
        return switch (kind) {
            case SAMPLE -> TaxonomyJson.sample();
            case JSON -> {
                if (!Files.isRegularFile(path)) {
                    throw new NoSuchFileException(path.toString());
                }
                progress.accept("Loading " + label() + "...");
                yield TaxonomyJson.load(path);
            }
            case ESCO -> {
                if (!Files.exists(path)) {
                    throw new NoSuchFileException(path.toString());
                }
                if (!Files.isDirectory(path)) {
                    throw new NotDirectoryException(path.toString());
                }
                progress.accept("Loading " + label() + "...");
                yield EscoLoader.load(path, progress).taxonomy();
            }
        };
    }
}
