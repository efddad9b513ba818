package nl.werkmatch.examples;

import picocli.CommandLine.Option;

/** Exactly one of {@code --profile ID} and {@code --vacancy ID}: the stored record a command works on. */
final class RecordTarget {

    @Option(names = "--profile", required = true, paramLabel = "ID", description = "The job seeker, by id.")
    String profile;

    @Option(names = "--vacancy", required = true, paramLabel = "ID", description = "The vacancy, by id.")
    String vacancy;
}
