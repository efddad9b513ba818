package nl.werkmatch.matcher.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.advice.Advice;
import nl.werkmatch.matcher.advice.AdviceRequest;
import nl.werkmatch.matcher.internal.PreparedProfile;
import nl.werkmatch.matcher.internal.PreparedVacancy;
import nl.werkmatch.matcher.json.ExchangeFormat;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;

/**
 * Advice with the default request (minScore 0.5, ten suggestions), rotating over fixed queries: for a job seeker
 * over {@code vacancies} vacancies (in a world of 2,000 profiles, as {@code VacanciesBenchmark}), and for an
 * employer over {@code profiles} profiles (in a world of 2,000 vacancies, as {@code CandidatesBenchmark}); each on
 * the engine ({@code Matcher.adviseProfile/adviseVacancy} by id) and on {@link BruteForceAdvice}, the same
 * considered changes with every count by a scan of all prepared records.
 *
 * <p>{@code -p vacancies=200000 -p profiles=1000000} for the sizes; {@code -p taxonomy=esco} for full ESCO.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g", "--add-modules=jdk.incubator.vector"})
public class AdviceBenchmark {
    static final int OTHER_SIDE = 2_000;
    static final int QUERIES = 32;

    @State(Scope.Benchmark)
    public static class Data {
        @Param("20000")
        public int vacancies;
        @Param("50000")
        public int profiles;
        @Param("sample")
        public String taxonomy;

        final AdviceRequest request = AdviceRequest.DEFAULT;
        List<Profile> profileQueries;
        List<Vacancy> vacancyQueries;

        /** What the running benchmark measures, built only for it. */
        Matcher matcher;
        BruteForceAdvice brute;

        @Setup(Level.Trial)
        public void setup(BenchmarkParams params) {
            String name = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
            boolean profileSide = name.startsWith("profile");
            BenchWorld world = profileSide ? BenchWorld.of(taxonomy, OTHER_SIDE, vacancies)
                    : BenchWorld.of(taxonomy, profiles, OTHER_SIDE);
            if (profileSide) {
                profileQueries = world.queryProfiles(QUERIES);
            } else {
                vacancyQueries = world.queryVacancies(QUERIES);
            }
            if (name.endsWith("Engine")) {
                matcher = world.matcher();
            } else {
                brute = baseline(world, profileSide);
            }
        }
    }

    /** The brute-force advisor over the prepared vacancies (profile side) or profiles (vacancy side) of the world. */
    static BruteForceAdvice baseline(BenchWorld world, boolean profileSide) {
        // the prepared vacancies are compact and keep no record; the synthetic world regenerates them
        Map<String, Vacancy> byId = new HashMap<>();
        if (profileSide) {
            for (int i = 0; i < world.vacancyCount(); i++) {
                Vacancy v = world.world().vacancy(i);
                byId.put(v.id(), v);
            }
        }
        return new BruteForceAdvice(world.scorer(), BenchWorld.WEIGHTS, BenchWorld.TODAY,
                ExchangeFormat.create(world.regions()),
                profileSide ? world.preparedVacancies() : new PreparedVacancy[0], byId,
                profileSide ? new PreparedProfile[0] : world.preparedProfiles());
    }

    @Benchmark
    public Advice profileEngine(Data d, Cursor c) {
        return d.matcher.adviseProfile(d.profileQueries.get(c.next(d.profileQueries.size())).id(), d.request);
    }

    @Benchmark
    public Advice profileBruteForce(Data d, Cursor c) {
        return d.brute.adviseProfile(d.profileQueries.get(c.next(d.profileQueries.size())), d.request);
    }

    @Benchmark
    public Advice vacancyEngine(Data d, Cursor c) {
        return d.matcher.adviseVacancy(d.vacancyQueries.get(c.next(d.vacancyQueries.size())).id(), d.request);
    }

    @Benchmark
    public Advice vacancyBruteForce(Data d, Cursor c) {
        return d.brute.adviseVacancy(d.vacancyQueries.get(c.next(d.vacancyQueries.size())), d.request);
    }
}
