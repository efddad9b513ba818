package nl.werkmatch.examples;

import java.util.Locale;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.advice.Advice;
import nl.werkmatch.matcher.advice.AdviceRequest;
import nl.werkmatch.matcher.advice.CareerStep;
import nl.werkmatch.matcher.advice.Suggestion;
import nl.werkmatch.matcher.json.AdviceJson;

/** {@code werkmatch advise}: the single changes that would open the most vacancies for a job seeker. */
@Command(name = "advise",
        header = "Advise a job seeker (which one change opens the most vacancies) or an employer (which one relaxation reaches the most candidates).",
        sortOptions = false,
        description = "Counts the open vacancies the person reaches today (every hard filter passed, score at least "
                + "--min-score) and, for each considered change, exactly how many it unlocks and loses. Prints a "
                + "table by default; --json prints one JSON object with an RFC 6902 patch per suggestion.")
final class AdviseCommand extends CliCommand {

    @Mixin
    StoreOptions store;

    /** --profile: advise this job seeker; --vacancy: advise the employer of this vacancy. */
    @ArgGroup(exclusive = true, multiplicity = "1")
    RecordTarget target;

    @Option(names = "--min-score", defaultValue = "0.5", paramLabel = "S",
            description = "A vacancy is reachable from this score on, 0 to 1 (default: ${DEFAULT-VALUE}).")
    double minScore;

    @Option(names = "--limit", defaultValue = "10", paramLabel = "N", description = "At most this many suggestions (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--lang", paramLabel = "L", description = "The language of skill labels (default: the taxonomy's).")
    String lang;

    @Option(names = "--occupation", paramLabel = "ID",
            description = "With --profile: also the career step towards this wanted occupation (an occupation id of the "
                    + "taxonomy): the fewest skills, at most three, that open one of its vacancies.")
    String occupation;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Override
    int execute() throws Exception {
        if (!(minScore >= 0 && minScore <= 1)) {
            throw usage("--min-score must be from 0 to 1");
        }
        if (limit < 1 || limit > AdviceRequest.MAX_LIMIT) {
            throw usage("--limit must be from 1 to " + AdviceRequest.MAX_LIMIT);
        }
        try (Matcher matcher = DataDirectory.open(store.data, store.taxonomy, false, err())) {
            if (lang != null && !matcher.taxonomy().languages().contains(lang)) {
                throw usage("--lang: the taxonomy has no labels in \"" + lang + "\"; it has "
                        + String.join(", ", new java.util.TreeSet<>(matcher.taxonomy().languages())));
            }
            if (occupation != null && target.profile == null) {
                throw usage("--occupation: a career step is advice for a job seeker; give --profile");
            }
            if (occupation != null && matcher.taxonomy().occupationIndexOf(occupation) < 0) {
                throw usage("--occupation: the taxonomy has no occupation \"" + occupation + "\"");
            }
            AdviceRequest request = new AdviceRequest(minScore, limit, lang, occupation);
            Advice advice = target.profile != null ? matcher.adviseProfile(target.profile, request)
                    : matcher.adviseVacancy(target.vacancy, request);
            if (json) {
                out().println(AdviceJson.toJson(advice));
                return ExitCodes.OK;
            }
            out().printf(Locale.ROOT, target.profile != null ? "profile %s reaches %d open vacancies at score %.2f or more%n"
                    : "vacancy %s reaches %d candidates at score %.2f or more%n", advice.id(), advice.reachable(),
                    advice.minScore());
            if (advice.suggestions().isEmpty()) {
                out().println("no single change considered reaches more");
            } else {
                out().printf(Locale.ROOT, "%n%-4s %-20s %7s %5s %9s  %s%n", "#", "kind", "unlocks", "loses", "reachable",
                        target.profile != null ? "change (best new vacancies)" : "change (best new candidates)");
                int i = 1;
                for (Suggestion s : advice.suggestions()) {
                    out().printf(Locale.ROOT, "%-4d %-20s %7d %5d %9d  %s%s%n", i++, s.kind().jsonName(), s.unlocks(),
                            s.loses(), s.reachable(), s.summary(),
                            s.examples().isEmpty() ? "" : " (" + String.join(", ", s.examples()) + ")");
                }
            }
            if (occupation != null) {
                printCareerStep(advice.careerStep());
            }
            return ExitCodes.OK;
        }
    }

    private void printCareerStep(CareerStep step) {
        if (step == null) {
            out().printf("%ncareer step towards %s: none within three skills%n", occupation);
            return;
        }
        String target = step.label() + " (" + step.occupation() + ")";
        String examples = " (" + String.join(", ", step.examples()) + ")";
        if (step.skills().isEmpty()) {
            out().printf(Locale.ROOT, "%ncareer step towards %s: none needed, %d reachable already%s%n", target,
                    step.reachable(), examples);
            return;
        }
        String skills = step.skills().stream().map(CareerStep.Skill::label).collect(java.util.stream.Collectors.joining(", "));
        out().printf(Locale.ROOT, "%ncareer step towards %s: learn %s (with a certificate), then %d reachable%s%n",
                target, skills, step.reachable(), examples);
    }
}
