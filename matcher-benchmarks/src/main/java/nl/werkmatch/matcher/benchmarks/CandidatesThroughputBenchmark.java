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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

import nl.werkmatch.matcher.MatchPage;
import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.model.Vacancy;

/**
 * Queries per millisecond of the engine with one and with two query threads on one shared matcher, the way a
 * server runs concurrent requests: the same 64 fixed open vacancies and request as {@link CandidatesBenchmark}
 * (withinKm 30). Each thread starts at its own place in the rotation, so two threads do not ask for the same
 * vacancy at the same moment. The figure that counts is {@code twoThreads / oneThread} from one run.
 *
 * <p>{@code -p profiles=1000000 -p taxonomy=esco} for the large run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g", "--add-modules=jdk.incubator.vector"})
public class CandidatesThroughputBenchmark {

    @State(Scope.Benchmark)
    public static class Data {
        @Param("100000")
        public int profiles;
        @Param("sample")
        public String taxonomy;
        @Param("10")
        public int k;

        List<Vacancy> queries;
        MatchRequest request;
        Matcher matcher;

        @Setup(Level.Trial)
        public void setup() {
            BenchWorld world = BenchWorld.of(taxonomy, profiles, CandidatesBenchmark.VACANCIES);
            queries = world.queryVacancies(CandidatesBenchmark.QUERIES);
            request = MatchRequest.builder().k(k).withinKm(30.0).build();
            matcher = world.matcher();
        }
    }

    /** This thread's place in the rotation of queries, starting half a rotation apart per thread. */
    @State(Scope.Thread)
    public static class Rotation {
        private int next;

        @Setup(Level.Trial)
        public void setup(ThreadParams thread) {
            next = thread.getThreadIndex() * (CandidatesBenchmark.QUERIES / 2);
        }

        int next(int n) {
            int i = next % n;
            next = i + 1;
            return i;
        }
    }

    @Benchmark
    @Threads(1)
    public MatchPage oneThread(Data d, Rotation r) {
        return d.matcher.candidatesFor(d.queries.get(r.next(d.queries.size())).id(), d.request);
    }

    @Benchmark
    @Threads(2)
    public MatchPage twoThreads(Data d, Rotation r) {
        return d.matcher.candidatesFor(d.queries.get(r.next(d.queries.size())).id(), d.request);
    }
}
