package nl.werkmatch.matcher.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.allocation.Allocation;
import nl.werkmatch.matcher.allocation.AllocationRequest;
import nl.werkmatch.matcher.geo.LabourMarketRegion;
import nl.werkmatch.matcher.geo.Municipality;
import nl.werkmatch.matcher.geo.Regions;
import nl.werkmatch.matcher.model.Location;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.synthetic.SyntheticWorld;

/**
 * A timed benchmark of {@code Matcher.allocate} on one labour market region: generated vacancies and candidates
 * are placed in the region's municipalities (round robin over them, so every municipality has some), indexed on
 * disk, and the region is allocated a few times; each run's wall time is split into the engine's top-N queries
 * and the flow solver. Prints the metrics of the plain way and of the allocation side by side.
 *
 * <pre>
 * java -cp matcher-benchmarks/target/benchmarks.jar nl.werkmatch.matcher.benchmarks.AllocationBenchmark \
 *     [--vacancies 5000] [--profiles 20000] [--region "Groot Amsterdam"] [--runs 3] [--taxonomy sample|esco]
 *     [--priority 0.0] [--max-list N]
 * </pre>
 */
public final class AllocationBenchmark {
    private AllocationBenchmark() {
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException {
        int vacancies = 5000;
        int profiles = 20_000;
        String regionName = "Groot Amsterdam";
        int runs = 3;
        String taxonomy = "sample";
        double priority = 0;
        int maxList = AllocationRequest.DEFAULT_MAX_CANDIDATES_PER_VACANCY;
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--vacancies" -> vacancies = Integer.parseInt(value);
                case "--profiles" -> profiles = Integer.parseInt(value);
                case "--region" -> regionName = value;
                case "--runs" -> runs = Integer.parseInt(value);
                case "--taxonomy" -> taxonomy = value;
                case "--priority" -> priority = Double.parseDouble(value);
                case "--max-list" -> maxList = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Regions regions = Regions.netherlands();
        LabourMarketRegion region = regions.labourMarketRegion(regionName)
                .orElseThrow(() -> new IllegalArgumentException("no labour market region " + args[0]));
        List<Municipality> places = regions.municipalitiesIn(region);
        var tax = BenchWorld.taxonomy(taxonomy);
        SyntheticWorld world = SyntheticWorld.builder(tax, regions).seed(BenchWorld.SEED).today(BenchWorld.TODAY).build();
        Path dir = Files.createTempDirectory("werkmatch-allocation-bench");
        try (Matcher matcher = Matcher.builder().taxonomy(tax).regions(regions).clock(BenchWorld.CLOCK)
                .refreshInterval(Duration.ofHours(1)).directory(dir).build()) {
            long t0 = System.nanoTime();
            List<Vacancy> open = new ArrayList<>();
            for (long i = 0; open.size() < vacancies; i++) {
                Vacancy v = world.vacancy(i);
                if (v.isOpenOn(BenchWorld.TODAY)) {
                    Municipality m = places.get(open.size() % places.size());
                    open.add(v.toBuilder().remote(false).location(Location.municipality(m.code())).build());
                }
            }
            matcher.upsertVacancies(open);
            int positions = open.stream().mapToInt(Vacancy::positions).sum();
            for (int from = 0; from < profiles; from += 10_000) {
                List<Profile> batch = new ArrayList<>();
                for (int i = from; i < Math.min(profiles, from + 10_000); i++) {
                    Municipality m = places.get(i % places.size());
                    batch.add(world.profile(i).toBuilder().location(Location.municipality(m.code())).build());
                }
                matcher.upsertProfiles(batch);
            }
            matcher.commit();
            matcher.refresh();
            System.out.printf(Locale.ROOT, "world: %,d open vacancies (%,d positions) and %,d candidates in %s (%d "
                            + "municipalities), %s taxonomy, indexed in %.1f s; %d cores, JDK %s%n",
                    vacancies, positions, profiles, region.name(), places.size(), taxonomy,
                    (System.nanoTime() - t0) / 1e9, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            AllocationRequest request = AllocationRequest.builder().region(region.name()).priorityForUnseen(priority)
                    .maxCandidatesPerVacancy(maxList).build();
            Allocation last = null;
            for (int run = 1; run <= runs; run++) {
                long start = System.nanoTime();
                last = matcher.allocate(request);
                long ms = (System.nanoTime() - start) / 1_000_000;
                Allocation.Solver s = last.solver();
                System.out.printf(Locale.ROOT, "run %d: %,d ms = queries %,d ms (%.0f%%) + solver %,d ms (%.0f%%) + "
                                + "rest %,d ms; %,d pairs, %,d candidates considered, %d rounds, proven %s (objective %.3f, bound %.3f)%n",
                        run, ms, s.queryMillis(), 100.0 * s.queryMillis() / ms, s.solverMillis(),
                        100.0 * s.solverMillis() / ms, ms - s.queryMillis() - s.solverMillis(), s.edges(),
                        s.consideredCandidates(), s.rounds(), s.proven(), s.objective(), s.upperBound());
            }
            print(last);
        } finally {
            deleteRecursively(dir);
        }
    }

    private static void print(Allocation a) {
        Allocation.Metrics p = a.plain();
        Allocation.Metrics m = a.metrics();
        System.out.printf(Locale.ROOT, "%-34s %12s %12s%n", "", "plain", "allocated");
        System.out.printf(Locale.ROOT, "%-34s %12.1f %12.1f%n", "total score", p.totalScore(), m.totalScore());
        System.out.printf(Locale.ROOT, "%-34s %,12d %,12d%n", "invitations", p.invitations(), m.invitations());
        System.out.printf(Locale.ROOT, "%-34s %,12d %,12d%n", "vacancies with a candidate",
                p.vacanciesWithCandidates(), m.vacanciesWithCandidates());
        System.out.printf(Locale.ROOT, "%-34s %,12d %,12d%n", "distinct candidates invited", p.candidatesInvited(),
                m.candidatesInvited());
        System.out.printf(Locale.ROOT, "%-34s %,12d %,12d%n", "most lists one person is on",
                p.maxListsPerCandidate(), m.maxListsPerCandidate());
        System.out.printf(Locale.ROOT, "%-34s %12.3f %12.3f%n", "Gini of invitations", p.gini(), m.gini());
        System.out.printf(Locale.ROOT, "unfilled vacancies: %,d; considered candidates on no list: %,d%n",
                a.unfilled().size(), a.uninvited().size());
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
