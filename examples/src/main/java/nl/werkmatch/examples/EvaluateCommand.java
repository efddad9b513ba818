package nl.werkmatch.examples;

import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.evaluation.Evaluation;
import nl.werkmatch.matcher.evaluation.EvaluationOptions;
import nl.werkmatch.matcher.evaluation.EvaluationReport;
import nl.werkmatch.matcher.evaluation.Outcome;
import nl.werkmatch.matcher.evaluation.OutcomesFile;

/** {@code werkmatch evaluate}: how well the ranking puts the matches that led somewhere first. */
@Command(name = "evaluate",
        header = "Measure ranking quality on recorded outcomes (hires, interviews, proposals, rejections).",
        sortOptions = false,
        description = {
            "Reads an outcomes file (JSON Lines: {\"profile\":ID,\"vacancy\":ID,\"outcome\":\"HIRED\"|\"INTERVIEWED\"|"
                    + "\"PROPOSED\"|\"REJECTED\",\"date\":\"yyyy-MM-dd\"}, graded relevance 3/2/1/0) and prints, for "
                    + "candidates per vacancy and vacancies per profile, recall@k, MRR and nDCG@k with bootstrap 95% "
                    + "intervals, beside two baselines: the share of required skills declared exactly, and the engine "
                    + "ranking on skills alone. A file with any bad line is refused, every bad line named.",
            "Also prints what a skill floor of 0.1, 0.2 or 0.3 would do: the share of the top-k entries below it and "
                    + "the figures with it."
        })
final class EvaluateCommand extends CliCommand {

    @Mixin
    OutcomesOptions input;

    @Option(names = "--k", defaultValue = "10", paramLabel = "K", description = "The cut-off of recall and nDCG (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--depth", defaultValue = "100", paramLabel = "N",
            description = "How deep each ranking is read, for MRR and the skill floors (default: ${DEFAULT-VALUE}).")
    int depth;

    @Mixin
    WeightsOptions weights;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "The seed of the bootstrap (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    int execute() throws Exception {
        if (k < 1 || k > MatchRequest.MAX_K) {
            throw usage("--k must be from 1 to " + MatchRequest.MAX_K);
        }
        if (depth < k || depth > MatchRequest.MAX_K) {
            throw usage("--depth must be from --k to " + MatchRequest.MAX_K);
        }
        List<Outcome> read = OutcomesFile.read(input.outcomes);
        err().println("read " + read.size() + " outcomes from " + input.outcomes);
        try (Matcher matcher = DataDirectory.open(input.store.data, input.store.taxonomy, weights, false, err())) {
            EvaluationOptions options = EvaluationOptions.DEFAULT.withK(k).withDepth(depth).withSeed(seed)
                    .withProgress(line -> {
                        err().println(line);
                        err().flush();
                    });
            EvaluationReport report = Evaluation.run(matcher, read, options);
            out().print(report.toText());
            return ExitCodes.OK;
        }
    }
}
