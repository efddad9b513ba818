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
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.internal.PreparedProfile;
import nl.werkmatch.matcher.internal.PreparedVacancy;

/**
 * Top-k candidates for a vacancy (withinKm 30; open and authorization always apply), rotating over 64 fixed open
 * vacancies, on the engine and on the two baselines with the same data and the same requests. Each path includes
 * preparing the query vacancy; the engine path also loads it by id from its index and validates it.
 *
 * <p>{@code -p profiles=1000000} for the large run; {@code -p taxonomy=esco} for full ESCO.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g", "--add-modules=jdk.incubator.vector"})
public class CandidatesBenchmark {
    static final int VACANCIES = 2_000;
    static final int QUERIES = 64;

    @State(Scope.Benchmark)
    public static class Data {
        @Param("100000")
        public int profiles;
        @Param("sample")
        public String taxonomy;
        @Param({"10", "100"})
        public int k;

        BenchWorld world;
        List<Vacancy> queries;
        MatchRequest request;

        /** What the running benchmark measures, built only for it (the others would cost minutes and memory). */
        Matcher matcher;
        PreparedProfile[] all;
        EsStyleBaseline es;

        @Setup(Level.Trial)
        public void setup(BenchmarkParams params) {
            world = BenchWorld.of(taxonomy, profiles, VACANCIES);
            queries = world.queryVacancies(QUERIES);
            request = MatchRequest.builder().k(k).withinKm(30.0).build();
            switch (params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1)) {
                case "engine" -> matcher = world.matcher();
                case "bruteForce" -> all = world.preparedProfiles();
                default -> es = world.esProfiles();
            }
        }

        PreparedVacancy prepared(Vacancy v) {
            return world.scorer().prepare(v);
        }
    }

    @Benchmark
    public MatchPage engine(Data d, Cursor c) {
        return d.matcher.candidatesFor(d.queries.get(c.next(d.queries.size())).id(), d.request);
    }

    @Benchmark
    public List<Hit> bruteForce(Data d, Cursor c) {
        PreparedVacancy pv = d.prepared(d.queries.get(c.next(d.queries.size())));
        return BruteForce.candidates(d.all, pv, d.request, BenchWorld.WEIGHTS, BenchWorld.TODAY);
    }

    @Benchmark
    public List<Hit> esStyle(Data d, Cursor c) {
        PreparedVacancy pv = d.prepared(d.queries.get(c.next(d.queries.size())));
        return d.es.candidates(pv, d.request, BenchWorld.WEIGHTS, BenchWorld.TODAY);
    }
}
