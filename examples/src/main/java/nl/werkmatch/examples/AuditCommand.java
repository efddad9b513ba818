package nl.werkmatch.examples;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.audit.AuditHtml;
import nl.werkmatch.matcher.audit.AuditJson;
import nl.werkmatch.matcher.audit.AuditProgress;
import nl.werkmatch.matcher.audit.AuditReport;
import nl.werkmatch.matcher.audit.AuditRequest;

/** {@code werkmatch audit}: who is never recommended, exposure by group, and the vacancies no one fits. */
@Command(name = "audit",
        header = "Report who is never recommended, how recommendations spread over groups, and vacancies no one fits.",
        sortOptions = false,
        description = {
            "Ranks the top K candidates of every vacancy open on the day, exactly as 'match' would, and reports from "
                    + "those lists: every profile on no list with the reason, recommended rates by gender, age, origin, "
                    + "inburgering route, education, work authorization and region (four-fifths rule; groups under 10 "
                    + "profiles are merged so no one can be singled out), how concentrated the list places are, and the "
                    + "open vacancies without any eligible candidate.",
            "Writes a self-contained HTML report (--out) and, with --json, the full report as JSON. Only reads."
        })
final class AuditCommand extends CliCommand {

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The data directory.")
    Path data;

    @Mixin
    TaxonomyOptions taxonomy;

    @Option(names = "--k", defaultValue = "20", paramLabel = "K",
            description = "How many candidates per vacancy count as recommended (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--min-score", defaultValue = "0", paramLabel = "S",
            description = "A match scoring below this is not a recommendation, 0 to 1 (default: ${DEFAULT-VALUE}).")
    double minScore;

    @Option(names = "--day", paramLabel = "YYYY-MM-DD", description = "The day the vacancies must be open on (default: today).")
    String day;

    @Option(names = "--region", paramLabel = "NAME", description = "Audit only the profiles of this labour market region.")
    String region;

    @Option(names = "--eligible-counts", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Give, for each never-recommended profile, the open vacancies it is eligible for (exact). "
                    + "--no-eligible-counts keeps the reasons and leaves the counts out of the report.")
    boolean eligibleCounts;

    @Option(names = "--advice", defaultValue = "" + AuditRequest.DEFAULT_ADVICE, paramLabel = "N",
            description = "Compute advice (the top " + AuditRequest.ADVICE_SUGGESTIONS + " suggestions) for N "
                    + "never-recommended profiles, those advice can help most first (a Dutch gap, travel, skills; then "
                    + "the outranked; last those not allowed to work), ties by id; and, unless N is 0, for the first "
                    + AuditRequest.MAX_VACANCY_ADVICE + " vacancies no one fits (default: ${DEFAULT-VALUE}).")
    int advice;

    @Option(names = "--json-limit", paramLabel = "N",
            description = "List at most N never-recommended profiles in the JSON file (the counts stay complete; "
                    + "default: all of them).")
    Integer jsonLimit;

    @Option(names = "--out", required = true, paramLabel = "FILE.html", description = "Where to write the HTML report.")
    Path out;

    @Option(names = "--json", paramLabel = "FILE.json", description = "Also write the full report as JSON.")
    Path json;

    @Option(names = "--lang", defaultValue = "nl", paramLabel = "nl|en", description = "The report's language (default: ${DEFAULT-VALUE}).")
    String lang;

    @Override
    int execute() throws IOException {
        if (k < 1 || k > MatchRequest.MAX_K) {
            throw usage("--k must be from 1 to " + MatchRequest.MAX_K);
        }
        if (!(minScore >= 0 && minScore <= 1)) {
            throw usage("--min-score must be from 0 to 1");
        }
        AuditHtml.Language language = AuditHtml.Language.parse(lang)
                .orElseThrow(() -> usage("--lang must be nl or en, not " + lang));
        if (advice < 0 || advice > AuditRequest.MAX_ADVICE) {
            throw usage("--advice must be from 0 to " + AuditRequest.MAX_ADVICE);
        }
        if (jsonLimit != null && jsonLimit < 0) {
            throw usage("--json-limit must be 0 or more");
        }
        AuditRequest.Builder request = AuditRequest.builder().k(k).minScore(minScore).region(region)
                .eligibleCounts(eligibleCounts).advice(advice);
        if (day != null) {
            try {
                request.day(LocalDate.parse(day.trim()));
            } catch (DateTimeParseException e) {
                throw usage("--day must be a date like 2026-12-01, not " + day);
            }
        }
        for (Path file : json == null ? new Path[] {out} : new Path[] {out, json}) {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new UserError("cannot write " + file + ": " + parent + " is not a directory");
            }
        }
        try (Matcher matcher = DataDirectory.open(data, taxonomy, false, err())) {
            ProgressSteps steps = new ProgressSteps();
            AuditReport report = matcher.audit(request.progress(steps).build());
            steps.finish();
            write(out, w -> w.write(AuditHtml.render(report, language)));
            if (json != null) {
                write(json, w -> AuditJson.write(report, w, jsonLimit == null ? AuditJson.ALL : jsonLimit));
            }
            int never = report.neverRecommended().size();
            out().printf(Locale.ROOT, "audited %,d profiles and %,d open vacancies: %,d recommended, %,d never recommended, "
                    + "%,d vacancies without an eligible candidate%n", report.profiles(), report.vacancies(),
                    report.recommended(), never, report.unfilledVacancies().size());
            out().printf(Locale.ROOT, "advice for %,d of %,d never-recommended profiles and %,d of %,d vacancies no one fits%n",
                    report.advice().profiles(), never, report.advice().vacancies(), report.unfilledVacancies().size());
            out().println("wrote " + out + (json != null ? " and " + json : ""));
            return ExitCodes.OK;
        }
    }

    private interface Body {
        void write(Writer w) throws IOException;
    }

    /** Writes next to the target and moves it into place, so that a failure never leaves half a report. */
    private static void write(Path file, Body body) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            body.write(w);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    /** One progress bar per step of the audit. */
    private final class ProgressSteps implements AuditProgress {
        private String step;
        private Progress bar;
        private long done;

        @Override
        public void update(String name, long count, long total) {
            if (!name.equals(step)) {
                finish();
                step = name;
                bar = Progress.of(err(), name, name.contains("vacancies") || name.contains("candidates")
                        || name.contains("employers") ? "vacancies" : "profiles", total);
            }
            done = count;
            bar.update(count, count);
        }

        void finish() {
            if (bar != null) {
                bar.finish(done);
                bar = null;
            }
        }
    }
}
