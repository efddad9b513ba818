package nl.werkmatch.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.evaluation.EvaluationOptions;
import nl.werkmatch.matcher.evaluation.Outcome;
import nl.werkmatch.matcher.evaluation.OutcomesFile;
import nl.werkmatch.matcher.evaluation.Tuning;
import nl.werkmatch.matcher.evaluation.TuningOptions;
import nl.werkmatch.matcher.evaluation.TuningResult;

/** {@code werkmatch tune}: fit the ranking's weights and credits to recorded outcomes. */
@Command(name = "tune",
        header = "Fit the component weights and similarity credits to recorded outcomes; write a weights file.",
        sortOptions = false,
        description = {
            "Splits the outcomes into a training and a held-out part (by date when every outcome has one: the "
                    + "latest are held out; else at random, seeded), maximises nDCG@k on the training part with a "
                    + "coordinate search over the five component weights and the narrower, broader, sibling and "
                    + "related credits, and prints train and held-out figures before and after beside the baselines. "
                    + "Only the held-out figures say whether the new settings are better.",
            "Writes the tuned settings to --out; use them with --weights on import, match, serve and evaluate. "
                    + "Tuned credits change what is indexed: import into a new data directory with --weights to use them."
        })
final class TuneCommand extends CliCommand {

    @Mixin
    OutcomesOptions input;

    @Option(names = "--out", required = true, paramLabel = "FILE.json", description = "Where to write the tuned weights file.")
    Path out;

    @Option(names = "--k", defaultValue = "10", paramLabel = "K", description = "Maximise nDCG at this cut-off (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--held-out", defaultValue = "0.3", paramLabel = "SHARE",
            description = "The share of outcomes held out (default: ${DEFAULT-VALUE}).")
    double heldOut;

    @Option(names = "--weights-only", description = "Tune the component weights only, not the similarity credits.")
    boolean weightsOnly;

    @Option(names = "--rounds", defaultValue = "12", paramLabel = "N", description = "The most search rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Mixin
    WeightsOptions weights;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "The seed of the split and the bootstrap (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    int execute() throws Exception {
        if (k < 1 || k > MatchRequest.MAX_K) {
            throw usage("--k must be from 1 to " + MatchRequest.MAX_K);
        }
        if (!(heldOut > 0 && heldOut < 1)) {
            throw usage("--held-out must lie strictly between 0 and 1");
        }
        if (rounds < 0 || rounds > 1000) {
            throw usage("--rounds must be from 0 to 1000");
        }
        if (out.getParent() != null && !Files.isDirectory(out.getParent())) {
            throw new UserError("cannot write --out " + out + ": no directory " + out.getParent());
        }
        List<Outcome> read = OutcomesFile.read(input.outcomes);
        Tuning.Split split = Tuning.split(read, heldOut, seed);
        err().println("read " + read.size() + " outcomes; " + split.train().size() + " to tune on, "
                + split.heldOut().size() + " held out (" + split.description() + ")");
        try (Matcher matcher = DataDirectory.open(input.store.data, input.store.taxonomy, weights, false, err())) {
            EvaluationOptions evaluation = EvaluationOptions.DEFAULT.withK(k).withSeed(seed).withProgress(line -> {
                err().println(line);
                err().flush();
            });
            TuningOptions options = TuningOptions.DEFAULT.withEvaluation(evaluation).withTuneSimilarity(!weightsOnly)
                    .withMaxRounds(rounds);
            TuningResult result = Tuning.run(matcher, split.train(), split.heldOut(), options);
            out().print(result.toText());
            result.after().write(out);
            out().println("wrote " + out + (result.after().changesIndex(result.before())
                    ? "; its credits differ from the data's: import into a new --data directory with --weights " + out
                    : "; use it with --weights " + out));
            return ExitCodes.OK;
        }
    }
}
