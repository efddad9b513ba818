package nl.werkmatch.examples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.evaluation.Outcome;
import nl.werkmatch.matcher.evaluation.OutcomeSimulator;
import nl.werkmatch.matcher.evaluation.OutcomesFile;
import nl.werkmatch.matcher.geo.Regions;
import nl.werkmatch.matcher.json.ExchangeFormat;
import nl.werkmatch.matcher.synthetic.SyntheticWorld;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;

/** {@code werkmatch generate}: a seeded synthetic world as two JSON Lines files, to import or to benchmark with. */
@Command(name = "generate",
        header = "Write a seeded synthetic world as JSON Lines files.",
        sortOptions = false,
        description = "Writes a seeded synthetic world of job seekers and vacancies as profiles.jsonl and "
                + "vacancies.jsonl (exchange format v1). The same seed, taxonomy and day give the same files.")
final class GenerateCommand extends CliCommand {

    @Option(names = "--profiles", required = true, paramLabel = "N", description = "How many profiles.")
    long profiles;

    @Option(names = "--vacancies", required = true, paramLabel = "M", description = "How many vacancies.")
    long vacancies;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "The random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    TaxonomyOptions taxonomy;

    @Option(names = "--outcomes", defaultValue = "0", paramLabel = "N",
            description = "Also write outcomes.jsonl: simulated hiring rounds for N vacancies (see 'werkmatch evaluate'); "
                    + "the world is indexed in memory to shortlist candidates.")
    int outcomes;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The directory to write to (created if missing).")
    Path out;

    @Override
    int execute() throws IOException {
        if (outcomes < 0) {
            throw usage("--outcomes must be 0 or more");
        }
        if (profiles < 0 || vacancies < 0) {
            throw usage("--profiles and --vacancies must be 0 or more");
        }
        SkillTaxonomy t = taxonomy.sourceOrSample().load(line -> err().println(line));
        SyntheticWorld world = SyntheticWorld.builder(t, Regions.netherlands()).seed(seed).build();
        ExchangeFormat format = ExchangeFormat.create();
        Files.createDirectories(out);
        Path profileFile = out.resolve("profiles.jsonl");
        Path vacancyFile = out.resolve("vacancies.jsonl");
        write(profileFile, "profiles", profiles, world.profiles(profiles), format::writeProfile);
        write(vacancyFile, "vacancies", vacancies, world.vacancies(vacancies), format::writeVacancy);
        out().println("wrote " + profiles + " profiles to " + profileFile + " and " + vacancies + " vacancies to " + vacancyFile);
        if (outcomes > 0) {
            Path outcomeFile = out.resolve("outcomes.jsonl");
            List<Outcome> simulated = simulate(t, world);
            try (BufferedWriter w = Files.newBufferedWriter(outcomeFile, StandardCharsets.UTF_8)) {
                OutcomesFile.write(simulated, w);
            }
            out().println("wrote " + simulated.size() + " outcomes of " + Math.min(outcomes, vacancies)
                    + " hiring rounds to " + outcomeFile);
        }
        return ExitCodes.OK;
    }

    /** Indexes the world in memory and runs the simulated hiring rounds on it. */
    private List<Outcome> simulate(SkillTaxonomy t, SyntheticWorld world) {
        try (Matcher matcher = Matcher.builder().taxonomy(t).build()) {
            Progress indexing = Progress.of(err(), "indexing", "records", profiles + vacancies);
            long[] done = {0};
            batches(world.profiles(profiles), batch -> matcher.upsertProfiles(batch), indexing, done);
            batches(world.vacancies(vacancies), batch -> matcher.upsertVacancies(batch), indexing, done);
            matcher.refresh();
            indexing.finish(done[0]);
            err().println("simulating " + outcomes + " hiring rounds");
            err().flush();
            return OutcomeSimulator.simulate(matcher, outcomes, seed, world.today(), 180);
        }
    }

    private static <T> void batches(Stream<T> values, Consumer<List<T>> sink, Progress progress, long[] done) {
        List<T> batch = new ArrayList<>(1000);
        values.forEachOrdered(v -> {
            batch.add(v);
            if (batch.size() == 1000) {
                sink.accept(batch);
                done[0] += batch.size();
                progress.update(done[0], done[0]);
                batch.clear();
            }
        });
        sink.accept(batch);
        done[0] += batch.size();
    }

    private <T> void write(Path file, String what, long n, Stream<T> values, Function<T, String> writer) throws IOException {
        Progress progress = Progress.of(err(), "writing", what, n);
        long[] count = {0};
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            // Made and serialized in parallel, written in order by one thread at a time.
            values.parallel().map(writer).forEachOrdered(line -> {
                try {
                    w.write(line);
                    w.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                progress.update(++count[0], count[0]);
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        progress.finish(count[0]);
    }
}
