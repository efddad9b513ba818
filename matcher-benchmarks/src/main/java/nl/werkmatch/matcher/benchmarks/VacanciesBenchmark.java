package nl.werkmatch.matcher.benchmarks;

import java.util.List;
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

import nl.werkmatch.matcher.MatchPage;
import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.internal.PreparedProfile;
import nl.werkmatch.matcher.internal.PreparedVacancy;

/**
 * Top-10 vacancies for a profile (withinKm 30, the profile's own travel limit, open, authorization), rotating
 * over 64 fixed profiles that may work, on the engine and the two baselines. {@code -p vacancies=200000} for the
 * large run.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g", "--add-modules=jdk.incubator.vector"})
public class VacanciesBenchmark {
    static final int PROFILES = 2_000;
    static final int QUERIES = 64;

    @State(Scope.Benchmark)
    public static class Data {
        @Param("50000")
        public int vacancies;
        @Param("sample")
        public String taxonomy;

        BenchWorld world;
        List<Profile> queries;
        MatchRequest request;

        /** What the running benchmark measures, built only for it (the others would cost minutes and memory). */
        Matcher matcher;
        PreparedVacancy[] all;
        EsStyleBaseline es;

        @Setup(Level.Trial)
        public void setup(BenchmarkParams params) {
            world = BenchWorld.of(taxonomy, PROFILES, vacancies);
            queries = world.queryProfiles(QUERIES);
            request = MatchRequest.builder().k(10).withinKm(30.0).build();
            switch (params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1)) {
                case "engine" -> matcher = world.matcher();
                case "bruteForce" -> all = world.preparedVacancies();
                default -> es = world.esVacancies();
            }
        }

        PreparedProfile prepared(Profile p) {
            return world.scorer().prepare(p);
        }
    }

    @Benchmark
    public MatchPage engine(Data d, Cursor c) {
        return d.matcher.vacanciesFor(d.queries.get(c.next(d.queries.size())).id(), d.request);
    }

    @Benchmark
    public List<Hit> bruteForce(Data d, Cursor c) {
        PreparedProfile pp = d.prepared(d.queries.get(c.next(d.queries.size())));
        return BruteForce.vacancies(d.all, pp, d.request, BenchWorld.WEIGHTS, BenchWorld.TODAY);
    }

    @Benchmark
    public List<Hit> esStyle(Data d, Cursor c) {
        PreparedProfile pp = d.prepared(d.queries.get(c.next(d.queries.size())));
        return d.es.vacancies(pp, d.request, BenchWorld.WEIGHTS, BenchWorld.TODAY);
    }
}
