package nl.werkmatch.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

import picocli.CommandLine.Option;

import nl.werkmatch.matcher.scoring.RankingSettings;

/** The {@code --weights} option that several commands share: a weights file as {@code werkmatch tune} writes it. */
final class WeightsOptions {

    @Option(names = "--weights", paramLabel = "FILE.json",
            description = "A weights file (component weights, similarity credits, evidence weights), as 'werkmatch "
                    + "tune' writes it. Component weights apply at once; other credits or evidence weights need data "
                    + "indexed with them. Default: the library's, or those the data directory was indexed with.")
    Path file;

    /** The settings of the file named on the command line, if any; bad files are an InvalidInputException. */
    Optional<RankingSettings> settings() throws IOException {
        if (file == null) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        return Optional.of(RankingSettings.read(file));
    }
}
