package nl.werkmatch.examples;

import java.nio.file.Path;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import nl.werkmatch.matcher.Match;
import nl.werkmatch.matcher.MatchPage;
import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.opensearch.ClusterMatcher;
import nl.werkmatch.matcher.json.MatchJson;

/** {@code werkmatch match}: the best candidates for a vacancy or the best vacancies for a profile. */
@Command(name = "match",
        header = "Rank the best candidates for a vacancy, or vacancies for a profile.",
        sortOptions = false,
        description = "Prints a table of rank, id, score, the five contributions to the score and a short why. "
                + "--explain adds each match's full explanation; --json prints one JSON object instead.")
final class MatchCommand extends CliCommand {

    @Option(names = "--data", paramLabel = "DIR", description = "The data directory.")
    Path data;

    @Option(names = "--opensearch", paramLabel = "URL", description = "An OpenSearch cluster the records were "
            + "imported into (with 'werkmatch import --opensearch URL') instead of a data directory.")
    String opensearch;

    @Mixin
    TaxonomyOptions taxonomy;

    /** --vacancy: find candidates for this vacancy; --profile: find vacancies for this profile. */
    @ArgGroup(exclusive = true, multiplicity = "1")
    RecordTarget target;

    @Option(names = "--top", defaultValue = "10", paramLabel = "K", description = "How many (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--within-km", paramLabel = "N", description = "Only matches at most this many kilometres away.")
    Double withinKm;

    @Option(names = "--min-skill-fit", paramLabel = "F", description = "The skill floor: only matches whose skills "
            + "component (0 to 1) is at least F; 0 turns it off (default: the matcher's, "
            + MatchRequest.DEFAULT_MIN_SKILL_FIT + ").")
    Double minSkillFit;

    @Option(names = "--explain", description = "Print the full explanation of every match.")
    boolean explain;

    @Mixin
    WeightsOptions weights;

    @Option(names = "--json", description = "Print one JSON object ({\"matches\":[...]}) instead of a table.")
    boolean json;

    @Override
    int execute() throws Exception {
        if (top < 1 || top > MatchRequest.MAX_K) {
            throw usage("--top must be from 1 to " + MatchRequest.MAX_K);
        }
        if (withinKm != null && !(withinKm >= 0)) {
            throw usage("--within-km must be 0 or more");
        }
        if (minSkillFit != null && !(minSkillFit >= 0 && minSkillFit <= 1)) {
            throw usage("--min-skill-fit must be from 0 to 1");
        }
        // The table's "why" column needs explanations; JSON carries them only when asked.
        MatchRequest request = MatchRequest.builder().k(top).withinKm(withinKm).minSkillFit(minSkillFit)
                .explain(explain || !json).build();
        requireOneStore(data, opensearch);
        MatchPage page;
        if (opensearch != null) {
            try (ClusterMatcher cluster = ClusterCommands.open(opensearch, taxonomy, weights, err())) {
                page = target.vacancy != null
                        ? cluster.candidatesFor(target.vacancy, request)
                        : cluster.vacanciesFor(target.profile, request);
            }
        } else {
            try (Matcher matcher = DataDirectory.open(data, taxonomy, weights, false, err())) {
                page = target.vacancy != null
                        ? matcher.candidatesFor(target.vacancy, request)
                        : matcher.vacanciesFor(target.profile, request);
            }
        }
        if (json) {
            out().println(MatchJson.toJson(page));
            return ExitCodes.OK;
        }
        if (page.matches().isEmpty()) {
            out().println("no matches for " + (target.vacancy != null ? "vacancy " + target.vacancy : "profile " + target.profile));
            return ExitCodes.OK;
        }
        MatchTable.print(page, out());
        if (explain) {
            for (Match m : page.matches()) {
                out().println();
                out().println(m.id() + ":");
                out().println(m.explanation().toText().indent(2).stripTrailing());
            }
        }
        return ExitCodes.OK;
    }
}
