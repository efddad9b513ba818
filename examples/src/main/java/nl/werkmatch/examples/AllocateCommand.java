package nl.werkmatch.examples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import com.fasterxml.jackson.databind.ObjectMapper;

import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.allocation.Allocation;
import nl.werkmatch.matcher.allocation.AllocationProgress;
import nl.werkmatch.matcher.allocation.AllocationRequest;

/** {@code werkmatch allocate}: shortlists for every vacancy of a region that share out the candidates fairly. */
@Command(name = "allocate",
        header = "Share out limited positions: shortlists for every vacancy of a region, municipality or list.",
        sortOptions = false,
        description = {
            "Chooses per open vacancy a shortlist of perPosition x positions candidates so that the total score is "
                    + "as high as it can be while nobody is put on more than --max-per-candidate lists (solved "
                    + "exactly as a minimum-cost flow). Writes the shortlists as CSV (vacancy, title, employer, "
                    + "candidate, score, rank in the plain ranking) and prints the metrics beside the plain way, "
                    + "where each vacancy takes its own top candidates."
        })
final class AllocateCommand extends CliCommand {

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The data directory.")
    Path data;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Scope scope;

    static final class Scope {
        @Option(names = "--region", required = true, paramLabel = "NAME",
                description = "A labour market region by name (repeatable), e.g. \"Groot Amsterdam\".")
        List<String> regions;

        @Option(names = "--municipality", required = true, paramLabel = "CODE",
                description = "A municipality by CBS code or name (repeatable), e.g. GM0363.")
        List<String> municipalities;

        @Option(names = "--vacancies", required = true, paramLabel = "FILE",
                description = "A file of vacancy ids, one per line (blank lines and lines starting with # skipped).")
        Path vacancies;
    }

    @Option(names = "--per-position", defaultValue = "3", paramLabel = "N",
            description = "Shortlist places per open position (default: ${DEFAULT-VALUE}).")
    int perPosition;

    @Option(names = "--max-per-candidate", defaultValue = "2", paramLabel = "N",
            description = "The most shortlists one person is put on (default: ${DEFAULT-VALUE}).")
    int maxPerCandidate;

    @Option(names = "--min-score", defaultValue = "0.5", paramLabel = "S",
            description = "Only pairs scoring at least this (default: ${DEFAULT-VALUE}).")
    double minScore;

    @Option(names = "--day", paramLabel = "YYYY-MM-DD", description = "The day the vacancies must be open (default: today).")
    String day;

    @Option(names = "--priority-for-unseen", defaultValue = "0", paramLabel = "B",
            description = "Bonus per invitation of someone on no plain list, in score units 0..1 (default: ${DEFAULT-VALUE}).")
    double priorityForUnseen;

    @Option(names = "--max-candidates", defaultValue = "" + AllocationRequest.DEFAULT_MAX_CANDIDATES_PER_VACANCY,
            paramLabel = "N", description = "The longest candidate list fetched for one vacancy while proving the "
                    + "optimum (default: ${DEFAULT-VALUE}); longer is slower and proves more.")
    int maxCandidates;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Where to write the shortlists.")
    Path out;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the whole result as JSON here.")
    Path json;

    @Override
    int execute() throws Exception {
        AllocationRequest.Builder b = AllocationRequest.builder().perPosition(perPosition)
                .maxPerCandidate(maxPerCandidate).minScore(minScore).priorityForUnseen(priorityForUnseen)
                .maxCandidatesPerVacancy(maxCandidates);
        if (day != null) {
            try {
                b.day(LocalDate.parse(day.strip()));
            } catch (DateTimeParseException e) {
                throw usage("--day must be a date as YYYY-MM-DD, got \"" + day + "\"");
            }
        }
        if (scope.regions != null) {
            scope.regions.forEach(b::region);
        } else if (scope.municipalities != null) {
            scope.municipalities.forEach(b::municipality);
        } else {
            b.vacancies(readIds(scope.vacancies));
        }
        StageProgress progress = new StageProgress(err());
        b.progress(progress);
        AllocationRequest request = CliOptions.request(b);
        try (Matcher matcher = DataDirectory.open(data, new TaxonomyOptions(), false, err())) {
            Allocation a = matcher.allocate(request);
            progress.finish();
            try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                ShortlistCsv.write(a, matcher::vacancy, w);
            }
            if (json != null) {
                new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), AllocationJson.toJson(a));
            }
            print(a, out());
            return ExitCodes.OK;
        }
    }

    private static List<String> readIds(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String id = line.strip();
            if (!id.isEmpty() && !id.startsWith("#")) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            throw new UserError("--vacancies " + file + " names no vacancy id");
        }
        return ids;
    }

    private void print(Allocation a, PrintWriter w) {
        Allocation.Metrics p = a.plain();
        Allocation.Metrics m = a.metrics();
        Allocation.Solver s = a.solver();
        w.printf(Locale.ROOT, "%,d vacancies open on %s, %,d candidates considered; shortlists written to %s%n",
                s.vacancies(), a.day(), s.consideredCandidates(), out);
        new TextTable("", "plain", "allocated").alignRight(1, 2)
                .row("total score", fixed(p.totalScore(), 2), fixed(m.totalScore(), 2))
                .row("invitations", count(p.invitations()), count(m.invitations()))
                .row("vacancies with a candidate", count(p.vacanciesWithCandidates()), count(m.vacanciesWithCandidates()))
                .row("distinct candidates invited", count(p.candidatesInvited()), count(m.candidatesInvited()))
                .row("most lists one person is on", count(p.maxListsPerCandidate()), count(m.maxListsPerCandidate()))
                .row("Gini of invitations", fixed(p.gini(), 3), fixed(m.gini(), 3))
                .print(w);
        long tooFew = a.unfilled().stream().filter(u -> u.reason() == Allocation.Reason.TOO_FEW_ELIGIBLE).count();
        w.printf(Locale.ROOT, "unfilled: %,d vacancies (%,d with too few eligible candidates, %,d where they are "
                + "taken elsewhere); %,d considered candidates on no list%n", a.unfilled().size(), tooFew,
                a.unfilled().size() - tooFew, a.uninvited().size());
        w.println(s.proven() ? "optimal: proven over every eligible pair"
                : String.format(Locale.ROOT, "optimal over the fetched pairs; over every eligible pair at most %.4f "
                        + "more is possible", s.upperBound() - s.objective()));
    }

    private static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** One progress display per stage of the allocation; the allocation reports from several threads. */
    static final class StageProgress implements AllocationProgress {
        private final PrintWriter err;
        private String stage;
        private Progress current;
        private int lastDone;

        StageProgress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public synchronized void update(String name, int done, int total) {
            if (!name.equals(stage)) {
                finish();
                stage = name;
                current = Progress.of(err, name, "vacancies", total);
            }
            lastDone = Math.max(lastDone, done);
            current.update(lastDone, lastDone);
        }

        synchronized void finish() {
            if (current != null && !"solving".equals(stage)) {
                current.finish(lastDone);
            }
            current = null;
            stage = null;
            lastDone = 0;
        }
    }
}
