package nl.werkmatch.examples;

import java.nio.file.Path;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What {@code evaluate} and {@code tune} both read: the data directory with its taxonomy, and the outcomes file. */
final class OutcomesOptions {

    @Mixin
    StoreOptions store;

    @Option(names = "--outcomes", required = true, paramLabel = "FILE.jsonl", description = "The outcomes file.")
    Path outcomes;
}
