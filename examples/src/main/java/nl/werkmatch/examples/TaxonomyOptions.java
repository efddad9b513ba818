package nl.werkmatch.examples;

import java.nio.file.Path;
import java.util.Optional;

import picocli.CommandLine.Option;

/** The {@code --taxonomy} and {@code --esco} options that several commands share. */
final class TaxonomyOptions {

    @Option(names = "--taxonomy", paramLabel = "sample|FILE.json",
            description = "The skills taxonomy: 'sample' (the bundled one) or a taxonomy JSON file. Default: the sample; a "
                    + "data directory made with another taxonomy needs it named again (the directory says which).")
    String taxonomy;

    @Option(names = "--esco", paramLabel = "DIR", description = "Use the ESCO taxonomy from this directory of ESCO CSV files.")
    Path esco;

    /** The taxonomy named on the command line, if any. */
    Optional<TaxonomySource> source() {
        if (taxonomy != null && esco != null) {
            throw new UserError("give --taxonomy or --esco, not both");
        }
        if (esco != null) {
            return Optional.of(TaxonomySource.esco(esco));
        }
        if (taxonomy == null) {
            return Optional.empty();
        }
        return Optional.of(taxonomy.equalsIgnoreCase("sample") ? TaxonomySource.SAMPLE : TaxonomySource.json(Path.of(taxonomy)));
    }

    TaxonomySource sourceOrSample() {
        return source().orElse(TaxonomySource.SAMPLE);
    }
}
