package nl.werkmatch.examples;

import java.nio.file.Path;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code --data} directory and the taxonomy it was made with ({@code --taxonomy} / {@code --esco}), for commands that read a data directory. */
final class StoreOptions {

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The data directory.")
    Path data;

    @Mixin
    TaxonomyOptions taxonomy;
}
