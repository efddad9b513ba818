package nl.werkmatch.matcher.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import nl.werkmatch.matcher.BatchResult;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.model.Profile;

/**
 * Writes: {@link #upsertBatch} is profiles per second from one calling thread (batches of 1,000 into a fresh
 * in-memory matcher every iteration; profiles pre-generated, so generation is not measured);
 * {@link #upsertOneAndRefresh} is the latency from upserting one profile to it being visible after
 * {@code refresh()}, on a matcher already holding {@code base} profiles. A batch call itself validates, prepares
 * and writes on every core.
 *
 * <p>A fresh matcher also starts with an empty cache of merged occupation neighbourhoods (built on first use
 * of each occupation), so {@link #upsertBatch} measures the start of a bulk import; the final flush of the
 * in-memory segment happens in the tear-down and is not measured.
 */
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g", "--add-modules=jdk.incubator.vector"})
public class IndexingBenchmark {
    static final int BATCH = 1_000;
    static final int POOL = 60_000;

    @State(Scope.Thread)
    public static class Batches {
        @Param("sample")
        public String taxonomy;

        List<Profile> pool;
        Matcher matcher;
        int next;

        @Setup(Level.Trial)
        public void generate() {
            BenchWorld w = BenchWorld.of(taxonomy, POOL, 0);
            pool = LongStream.range(0, POOL).parallel().mapToObj(w.world()::profile).toList();
        }

        @Setup(Level.Iteration)
        public void fresh() {
            matcher = Matcher.builder().taxonomy(BenchWorld.taxonomy(taxonomy)).clock(BenchWorld.CLOCK)
                    .refreshInterval(Duration.ofHours(1)).build();
            next = 0;
        }

        @TearDown(Level.Iteration)
        public void close() {
            matcher.close();
        }

        List<Profile> nextBatch() {
            int from = next;
            next = (next + BATCH) % POOL;   // past the pool, later batches are updates of the same ids
            return pool.subList(from, from + BATCH);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public BatchResult upsertBatch(Batches b) {
        return b.matcher.upsertProfiles(b.nextBatch());
    }

    @State(Scope.Benchmark)
    public static class Loaded {
        @Param("sample")
        public String taxonomy;
        @Param("20000")
        public int base;

        Matcher matcher;
        Profile template;
        long n;

        @Setup(Level.Trial)
        public void setup() {
            BenchWorld w = BenchWorld.of(taxonomy, base, 100);
            matcher = w.matcher();
            template = w.world().profile(base + 1);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public boolean upsertOneAndRefresh(Loaded s) {
        Profile p = s.template.toBuilder().id("fresh-" + (s.n++)).build();
        s.matcher.upsertProfile(p);
        s.matcher.refresh();
        return s.matcher.profile(p.id()).isPresent();
    }
}
