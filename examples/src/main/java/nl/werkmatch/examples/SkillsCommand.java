package nl.werkmatch.examples;

import java.util.List;
import java.util.Locale;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import nl.werkmatch.matcher.taxonomy.LabelSearch;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;

/** {@code werkmatch skills}: finds skills and occupations by label, to learn the ids to put in profiles and vacancies. */
@Command(name = "skills",
        header = "Find skills and occupations, and their ids, by label.",
        sortOptions = false,
        description = "Searches the labels and alternative labels of the taxonomy's skills and occupations, in every "
                + "language or the one given with --lang, best first, forgiving a small typo.")
final class SkillsCommand extends CliCommand {

    @Mixin
    TaxonomyOptions taxonomy;

    @Option(names = "--lang", paramLabel = "L", description = "Only labels in this language (nl, en, ...). Default: all.")
    String language;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "At most this many hits (default: ${DEFAULT-VALUE}).")
    int limit;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "Words to look for, e.g. lassen or 'forklift truck'.")
    List<String> words;

    @Override
    int execute() throws Exception {
        if (limit < 1) {
            throw usage("--limit must be at least 1");
        }
        SkillTaxonomy t = taxonomy.sourceOrSample().load(line -> err().println(line));
        String query = String.join(" ", words);
        List<LabelSearch.LabelHit> hits = LabelSearch.of(t).search(query, language, limit, LabelSearch.Kind.ANY);
        if (hits.isEmpty()) {
            out().println("no skills or occupations match \"" + query + "\"" + (language == null ? "" : " in language " + language));
            return ExitCodes.OK;
        }
        TextTable table = new TextTable("#", "kind", "label", "matched", "lang", "id");
        int rank = 1;
        for (LabelSearch.LabelHit hit : hits) {
            table.row(String.valueOf(rank++), hit.kind().name().toLowerCase(Locale.ROOT), hit.label(),
                    hit.matchedLabel().equals(hit.label()) ? "" : hit.matchedLabel(), hit.language(), hit.id());
        }
        table.print(out());
        return ExitCodes.OK;
    }
}
